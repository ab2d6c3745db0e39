import { STATUS_CODES } from 'node:http';
import { PROBLEM_STATUS, problemType } from './problem-codes.js';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

export function problem(code: string, detail: string, extensions: Record<string, unknown> = {}, status?: number): ProblemDocument {
  const resolved = status ?? PROBLEM_STATUS[code] ?? 500;
  return {
    ...extensions,
    type: problemType(code),
    title: STATUS_CODES[resolved] ?? 'Error',
    status: resolved,
    detail,
    code,
  };
}
