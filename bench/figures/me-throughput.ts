import { ChildService, freePort, waitUntil } from '../support/child-service.js';
import { load } from '../support/http-load.js';
import { assertMostlyOk } from '../support/sign-in-load.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import { median } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, interleave, judge, notMeasured } from './figure.js';

const FIGURE = 'Authenticated `GET /v1/me`';
const COMPARED = 'bare `node:http` server answering a constant';
const GOAL: Goal = { op: '>=', value: 0.3, text: '≥ 0.3' };
export const ME_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };

/** Signature, session and credential-version checks plus the account read, against HTTP's floor. */
export async function measureMeThroughput(context: BenchContext): Promise<FigureResult> {
  const { main, settings, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const { accessToken } = await main.api.client.signIn(main.organization, seedEmail(999), SEED_PASSWORD);
  await main.api.client.expect(200, 'GET', '/v1/me', undefined, accessToken);
  const port = await freePort();
  const bare = ChildService.start('bare-http', 'dist/bench/children/bare-http.js', { PORT: String(port) });
  run.children.push(bare);
  const bareUrl = `http://127.0.0.1:${port}`;
  await waitUntil(
    () =>
      fetch(bareUrl).then(
        (r) => r.ok,
        () => false,
      ),
    10_000,
    'the bare server',
  );
  const { rounds, seconds, connections } = settings;
  const authorization = `Bearer ${accessToken}`;
  // Server CPU per request (from /proc, every thread) is steadier than throughput on a shared machine.
  const measure = async (service: ChildService, url: string, headers: Record<string, string>) => {
    const before = service.cpuMs();
    const result = await load({ url, connections, duration: seconds, headers });
    assertMostlyOk(result, `GET ${url}`);
    return { perSecond: result.okPerSecond, cpuUs: ((service.cpuMs() - before) * 1000) / result.ok };
  };
  const runs = await interleave(
    rounds,
    () => measure(bare, bareUrl, {}),
    () => measure(main.api.service, `${main.api.baseUrl}/v1/me`, { authorization }),
  );
  const floor = await measureFloor(context, measure, bare, bareUrl);
  await bare.stop();
  const baseline = median(runs.baseline.map((r) => r.perSecond));
  const subject = median(runs.subject.map((r) => r.perSecond));
  const ratio = subject / baseline;
  return {
    figure: FIGURE,
    measured: `${format(subject)} req/s`,
    comparedWith: `${format(baseline)} req/s`,
    ratio,
    goal: GOAL,
    met: judge(ratio, GOAL),
    notes: [
      `${connections} connections, load generator on the same cores; LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}`,
      `server CPU per request: /v1/me ${format(median(runs.subject.map((r) => r.cpuUs)))} µs, bare ${format(median(runs.baseline.map((r) => r.cpuUs)))} µs`,
      `rounds: /v1/me ${runs.subject.map((r) => format(r.perSecond)).join(', ')}; bare ${runs.baseline.map((r) => format(r.perSecond)).join(', ')}`,
      floor,
    ],
  };
}

type Measure = (service: ChildService, url: string, headers: Record<string, string>) => Promise<{ perSecond: number; cpuUs: number }>;

/**
 * The same load on the framework's floor (bench/children/nest-floor.ts: NestJS + Fastify, a guard
 * with a JWT verify and one Redis GET, a constant answer), against the bare server again, so a
 * miss can be read as Latchkey's own cost or the stack's.
 */
async function measureFloor(context: BenchContext, measure: Measure, bare: ChildService, bareUrl: string): Promise<string> {
  const { run, settings } = context;
  const port = await freePort();
  const floor = ChildService.start('nest-floor', 'dist/bench/children/nest-floor.js', {
    PORT: String(port),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${run.id}_floor`,
  });
  run.children.push(floor);
  await waitUntil(() => /^ey/m.test(floor.log), 20_000, 'the NestJS floor server');
  const token = floor.log.split('\n').find((line) => line.startsWith('ey')) ?? '';
  const runs = await interleave(
    settings.rounds,
    () => measure(bare, bareUrl, {}),
    () => measure(floor, `http://127.0.0.1:${port}/v1/me`, { authorization: `Bearer ${token}` }),
  );
  await floor.stop();
  const perSecond = median(runs.subject.map((r) => r.perSecond));
  const ratio = perSecond / median(runs.baseline.map((r) => r.perSecond));
  return (
    `the framework's floor, measured the same way (NestJS + Fastify, a guard with a JWT verify and one Redis GET, a constant answer, nothing else): ` +
    `${format(perSecond)} req/s, ${format(median(runs.subject.map((r) => r.cpuUs)))} µs server CPU per request, ratio ${ratio.toFixed(2)} to the bare server`
  );
}
