import { ChildService, freePort, waitUntil } from '../support/child-service.js';
import { startNestFloor, stopFloor } from '../support/floors.js';
import { loadWithCpu, type ServerLoad } from '../support/http-load.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import {
  type BenchContext,
  cpuUs,
  type FigureResult,
  format,
  type Goal,
  interleaveWithContext,
  notMeasured,
  perSecond,
  rateResult,
  roundRates,
} from './figure.js';

const FIGURE = 'Authenticated `GET /v1/me`';
const COMPARED = "the framework's floor (NestJS + Fastify, HS256 verify + one Redis GET, a constant answer)";
const GOAL: Goal = { op: '>=', value: 0.8, text: "≥ 0.8 of the framework's floor" };
export const ME_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };

/**
 * Signature, session and credential-version checks plus the account's view, against the framework's
 * floor (bench/children/nest-floor.ts) in the same rounds, Latchkey and floor alternating. A bare
 * `node:http` server answering a constant runs after each pair: the floor's own ratio to it says how
 * much of the machine the stack itself takes.
 */
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
  const floor = await startNestFloor(run, main.installation.serviceKey);
  const { rounds, seconds, connections } = settings;
  const get = (service: ChildService, url: string, token?: string): Promise<ServerLoad> =>
    loadWithCpu(service, { url, connections, duration: seconds, headers: token ? { authorization: `Bearer ${token}` } : {} }, `GET ${url}`);
  try {
    const runs = await interleaveWithContext(
      rounds,
      () => get(floor.service, `${floor.baseUrl}/v1/me`, floor.token),
      () => get(main.api.service, `${main.api.baseUrl}/v1/me`, accessToken),
      () => get(bare, bareUrl),
    );
    const [subject, baseline, bareRate] = [perSecond(runs.subject), perSecond(runs.baseline), perSecond(runs.context)];
    return rateResult({ figure: FIGURE, goal: GOAL }, runs.subject, runs.baseline, `, ${COMPARED}`, [
      `${connections} connections, load generator on the same cores; LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}`,
      `server CPU per request: /v1/me ${cpuUs(runs.subject)} µs, the floor ${cpuUs(runs.baseline)} µs, bare ${cpuUs(runs.context)} µs`,
      `rounds (Latchkey and floor alternating, bare after each pair): /v1/me ${roundRates(runs.subject)}; floor ${roundRates(runs.baseline)}; bare ${roundRates(runs.context)}`,
      `a bare \`node:http\` server answering a constant: ${format(bareRate)} req/s; the floor's ratio to it ${(baseline / bareRate).toFixed(2)}, Latchkey's ${(subject / bareRate).toFixed(2)} — the share of the machine the stack itself takes`,
    ]);
  } finally {
    await stopFloor(run, floor);
    await bare.stop();
  }
}
