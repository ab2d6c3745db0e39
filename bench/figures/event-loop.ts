import { availableParallelism } from 'node:os';
import type { ApiInstance } from '../support/installation.js';
import { probeLatency } from '../support/latency-probe.js';
import { SIGN_IN_ACCOUNTS } from '../support/seed.js';
import { assertMostlyOk, signInLoad } from '../support/sign-in-load.js';
import { median, percentile } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, judge, notMeasured } from './figure.js';

const FIGURE = '`GET /health` p99 while sign-ins saturate the hash pool';
const COMPARED = '— (ratio to the 50 ms limit)';
const GOAL: Goal = { op: '<=', value: 1, text: 'p99 < 50 ms' };
export const EVENT_LOOP = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
/** README's advice: every core but one hashes, so the event loop always has a core. */
export const RECOMMENDED_POOL_SIZE = Math.max(1, availableParallelism() - 1);
export const THREAD_POOL_SIZES = [...new Set([1, 2, 4, 8, RECOMMENDED_POOL_SIZE])].sort((a, b) => a - b);

export interface PoolSizing {
  threadPool: number;
  signInsPerSecond: number;
  healthP99Ms: number;
  idleHealthP99Ms: number;
  /** A route that does no I/O (a 404): what the event loop alone adds, without pool or database waits. */
  noIoP99Ms: number;
}

/** One API per pool size on the same database; each is loaded in turn, round after round. */
async function sweep(context: BenchContext, apis: Map<number, ApiInstance>): Promise<PoolSizing[]> {
  const { main, settings } = context;
  const throughput = new Map<number, number[]>();
  const latencies = new Map<number, number[]>();
  const idle = new Map<number, number[]>();
  const noIo = new Map<number, number[]>();
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? THREAD_POOL_SIZES : [...THREAD_POOL_SIZES].reverse();
    for (const size of order) {
      const api = apis.get(size)!;
      const quiet = await probeLatency(`${api.baseUrl}/health`, new Promise((resolve) => setTimeout(resolve, 1_000)));
      idle.set(size, [...(idle.get(size) ?? []), ...quiet.latencies]);
      const loading = signInLoad(api.baseUrl, main!.organization, SIGN_IN_ACCOUNTS, settings.connections, settings.seconds);
      const [probe, bare] = await Promise.all([
        probeLatency(`${api.baseUrl}/health`, loading),
        probeLatency(`${api.baseUrl}/bench-no-such-route`, loading, 50, true),
      ]);
      const result = await loading;
      noIo.set(size, [...(noIo.get(size) ?? []), ...bare.latencies]);
      assertMostlyOk(result, `sign-in load (UV_THREADPOOL_SIZE=${size})`);
      throughput.set(size, [...(throughput.get(size) ?? []), result.okPerSecond]);
      latencies.set(size, [...(latencies.get(size) ?? []), ...probe.latencies]);
    }
  }
  return THREAD_POOL_SIZES.map((size) => ({
    threadPool: size,
    signInsPerSecond: median(throughput.get(size)!),
    healthP99Ms: percentile(latencies.get(size)!, 99),
    idleHealthP99Ms: percentile(idle.get(size)!, 99),
    noIoP99Ms: percentile(noIo.get(size)!, 99),
  }));
}

/** argon2 runs on libuv's pool, never on the loop: a health check must stay fast while it is full. */
export async function measureEventLoop(context: BenchContext): Promise<{ figure: FigureResult; sizing: PoolSizing[] }> {
  const { main } = context;
  if (!main) return { figure: notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available'), sizing: [] };
  const apis = new Map<number, ApiInstance>([[4, main.api]]);
  for (const size of THREAD_POOL_SIZES.filter((s) => s !== 4))
    apis.set(size, await main.installation.startApi({ UV_THREADPOOL_SIZE: String(size) }));
  try {
    const sizing = await sweep(context, apis);
    // Measured at the documented setting (README, "Sizing"): one core left to the event loop.
    const chosen = sizing.find((s) => s.threadPool === RECOMMENDED_POOL_SIZE)!;
    const atDefault = sizing.find((s) => s.threadPool === 4)!;
    const ratio = chosen.healthP99Ms / 50;
    return {
      figure: {
        figure: FIGURE,
        measured: `${format(chosen.healthP99Ms, 1)} ms (idle: ${format(chosen.idleHealthP99Ms, 1)} ms)`,
        comparedWith: COMPARED,
        ratio,
        goal: GOAL,
        met: judge(ratio, GOAL),
        notes: [
          `UV_THREADPOOL_SIZE=${RECOMMENDED_POOL_SIZE} (cores − 1, as README's "Sizing" advises), ${context.settings.connections} sign-in connections, one health check every 50 ms on its own connection`,
          `p99 of a route without I/O (404) meanwhile: ${format(chosen.noIoP99Ms, 1)} ms — the event loop's share; the rest of /health is its PostgreSQL and Redis pings`,
          `with Node's default pool of 4: /health p99 ${format(atDefault.healthP99Ms, 1)} ms, no-I/O route ${format(atDefault.noIoP99Ms, 1)} ms`,
        ],
      },
      sizing,
    };
  } finally {
    for (const [size, api] of apis) if (size !== 4) await main.installation.stop(api);
  }
}
