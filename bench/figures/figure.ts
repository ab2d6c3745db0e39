import type { ApiInstance, BenchRun, Installation } from '../support/installation.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import type { ChildService } from '../support/child-service.js';
import type { ServerLoad } from '../support/http-load.js';
import { median } from '../support/stats.js';

/** A goal is a bound on the ratio: `>=` for "at least", `<=` for "at most". */
export interface Goal {
  op: '>=' | '<=';
  value: number;
  text: string;
}

export interface FigureResult {
  figure: string;
  measured: string;
  comparedWith: string;
  /** measured ÷ compared-with; for a figure without a peer, measured ÷ the goal's limit. */
  ratio: number | null;
  goal: Goal;
  /** null: not measured (the endpoint is not there yet, or setting it up failed). */
  met: boolean | null;
  notes: string[];
}

export interface BenchSettings {
  rounds: number;
  seconds: number;
  connections: number;
  /** BENCH_CPU_PROF: where the main API (and the Redis-down API) write a V8 profile. */
  cpuProfileDir?: string;
}

/** `node` arguments that profile an API when BENCH_CPU_PROF asks for it. */
export const profileArgs = ({ cpuProfileDir }: BenchSettings): string[] =>
  cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];

/** What every figure may use: the run, its SMTP sink, and the main installation (1,000 accounts). */
export interface BenchContext {
  run: BenchRun;
  settings: BenchSettings;
  smtp: SmtpSink;
  main?: { installation: Installation; api: ApiInstance; organization: string; worker: ChildService };
}

export function judge(ratio: number, goal: Goal): boolean {
  return goal.op === '>=' ? ratio >= goal.value : ratio <= goal.value;
}

export function notMeasured(figure: string, comparedWith: string, goal: Goal, reason: string): FigureResult {
  return { figure, measured: 'not measured', comparedWith, ratio: null, goal, met: null, notes: [reason] };
}

/** Runs baseline and subject alternately, `rounds` times each, so drift and noise hit both alike. */
export async function interleave<A, B>(
  rounds: number,
  baseline: () => Promise<A>,
  subject: () => Promise<B>,
): Promise<{ baseline: A[]; subject: B[] }> {
  const result = { baseline: [] as A[], subject: [] as B[] };
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so neither always runs on a machine warmed (or tired) by the other.
    if (round % 2 === 0) {
      result.baseline.push(await baseline());
      result.subject.push(await subject());
    } else {
      result.subject.push(await subject());
      result.baseline.push(await baseline());
    }
  }
  return result;
}

/**
 * `interleave`, with a third run after each pair, every round: for context beside a figure (a bare
 * server next to the framework's floor), measured on the same machine moments without coming between
 * the two the ratio compares.
 */
export async function interleaveWithContext<A, B, C>(
  rounds: number,
  baseline: () => Promise<A>,
  subject: () => Promise<B>,
  context: () => Promise<C>,
): Promise<{ baseline: A[]; subject: B[]; context: C[] }> {
  const result = { baseline: [] as A[], subject: [] as B[], context: [] as C[] };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      result.baseline.push(await baseline());
      result.subject.push(await subject());
    } else {
      result.subject.push(await subject());
      result.baseline.push(await baseline());
    }
    result.context.push(await context());
  }
  return result;
}

export const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Rounds of HTTP load on one server: their median rate, their median CPU per request (µs, formatted) and each round's rate. */
export const perSecond = (loads: ServerLoad[]): number => median(loads.map((load) => load.perSecond));
export const cpuUs = (loads: ServerLoad[]): string => format(median(loads.map((load) => load.cpuUs)));
export const roundRates = (loads: ServerLoad[]): string => loads.map((load) => format(load.perSecond)).join(', ');

/**
 * A throughput figure's result: the subject's rounds against the baseline's (medians), the ratio
 * judged against the goal; `comparedWith` follows the baseline's rate.
 */
export function rateResult(
  { figure, goal }: { figure: string; goal: Goal },
  subject: ServerLoad[],
  baseline: ServerLoad[],
  comparedWith: string,
  notes: string[],
): FigureResult {
  const ratio = perSecond(subject) / perSecond(baseline);
  return {
    figure,
    measured: `${format(perSecond(subject))} req/s`,
    comparedWith: `${format(perSecond(baseline))} req/s${comparedWith}`,
    ratio,
    goal,
    met: judge(ratio, goal),
    notes,
  };
}
