import { waitUntil } from '../support/child-service.js';
import { loadWithCpu, type ServerLoad } from '../support/http-load.js';
import type { ApiInstance } from '../support/installation.js';
import { PrivateRedis } from '../support/private-redis.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import { median } from '../support/stats.js';
import {
  type BenchContext,
  cpuUs,
  type FigureResult,
  format,
  type Goal,
  interleave,
  notMeasured,
  profileArgs,
  rateResult,
  roundRates,
} from './figure.js';

const FIGURE = 'Authenticated `GET /v1/me` with Redis down (PostgreSQL fallback)';
const COMPARED = 'the same requests on an API of the same installation whose Redis is up';
const GOAL: Goal = { op: '>=', value: 0.25, text: '≥ 0.25: degrades, does not collapse' };
export const REDIS_FALLBACK = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const ACCOUNT = 2; // among the sign-in loads' accounts: signed in only, never changed

/**
 * What a Redis outage costs an authenticated request: a second API of the main installation (same
 * database, settings and JWT secret) on a private redis-server, which is stopped once the API is up;
 * its token checks then fall back to PostgreSQL. `GET /v1/me` with one access token on both APIs, the
 * main one (Redis up) and the second (Redis down) alternating in the same rounds.
 */
export async function measureRedisFallback(context: BenchContext): Promise<FigureResult> {
  const { main, settings, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const { accessToken } = await main.api.client.signIn(main.organization, seedEmail(ACCOUNT), SEED_PASSWORD);
  const redis = await PrivateRedis.start(run);
  let api: ApiInstance | undefined;
  try {
    api = await main.installation.startApi(
      {
        REDIS_URL: redis.url,
        UV_THREADPOOL_SIZE: '4',
        ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
      },
      profileArgs(settings),
    );
    await api.client.expect(200, 'GET', '/v1/me', undefined, accessToken);
    await redis.stop();
    const down = api;
    await waitUntil(async () => (await fetch(`${down.baseUrl}/health`)).status === 503, 10_000, "the API's /health to report Redis down");
    await down.client.expect(200, 'GET', '/v1/me', undefined, accessToken);
    const { rounds, seconds, connections } = settings;
    const get = (target: ApiInstance, what: string): Promise<ServerLoad> =>
      loadWithCpu(
        target.service,
        { url: `${target.baseUrl}/v1/me`, connections, duration: seconds, headers: { authorization: `Bearer ${accessToken}` } },
        `GET /v1/me (${what})`,
      );
    const runs = await interleave(
      rounds,
      () => get(main.api, 'Redis up'),
      () => get(down, 'Redis down'),
    );
    return rateResult({ figure: FIGURE, goal: GOAL }, runs.subject, runs.baseline, ' with Redis up', [
      `${connections} connections, load generator on the same cores; the second API's redis-server stopped (its port closed) before the load, /health answering 503; LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}`,
      `server CPU per request: Redis down ${cpuUs(runs.subject)} µs, Redis up ${cpuUs(runs.baseline)} µs; latency p99 (median of rounds): Redis down ${format(median(runs.subject.map((r) => r.p99Ms)))} ms, Redis up ${format(median(runs.baseline.map((r) => r.p99Ms)))} ms`,
      `rounds (alternating): Redis down ${roundRates(runs.subject)}; Redis up ${roundRates(runs.baseline)}`,
    ]);
  } finally {
    if (api) await main.installation.stop(api);
    await redis.stop();
  }
}
