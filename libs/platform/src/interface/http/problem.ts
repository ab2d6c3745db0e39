import { STATUS_CODES } from 'node:http';
import { problemType } from './problem-codes.js';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

export function problem(code: string, detail: string, extensions: Record<string, unknown>, status: number): ProblemDocument {
  return {
    ...extensions,
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
  };
}
