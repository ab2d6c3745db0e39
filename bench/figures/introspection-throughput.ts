import { startNestFloor, stopFloor } from '../support/floors.js';
import { loadWithCpu, type ServerLoad } from '../support/http-load.js';
import type { ChildService } from '../support/child-service.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import { type BenchContext, cpuUs, type FigureResult, type Goal, interleave, notMeasured, rateResult, roundRates } from './figure.js';

const FIGURE = 'Token introspection `POST /v1/tokens/introspect`';
const COMPARED =
  "the framework's floor (NestJS + Fastify, JSON body, bearer compared with a constant, HS256 verify + one Redis GET, a constant answer)";
const GOAL: Goal = { op: '>=', value: 0.8, text: "≥ 0.8 of the framework's floor" };
export const INTROSPECTION_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const INTROSPECTED_ACCOUNT = 1; // among the sign-in loads' accounts: signed in only, never changed

/**
 * RFC 7662 introspection of a live access token by another service: JSON body `{token}`,
 * `Authorization: Bearer {SERVICE_API_KEY}` (one of the three ways docs/api.md lists), against the
 * framework's floor's own introspection route (bench/children/nest-floor.ts) in the same rounds,
 * Latchkey and floor alternating. Every answer is checked to be `active: true` before the load.
 */
export async function measureIntrospectionThroughput(context: BenchContext): Promise<FigureResult> {
  const { main, settings, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const serviceKey = main.installation.serviceKey;
  const { accessToken } = await main.api.client.signIn(main.organization, seedEmail(INTROSPECTED_ACCOUNT), SEED_PASSWORD);
  const floor = await startNestFloor(run, serviceKey);
  const { rounds, seconds, connections } = settings;
  const introspect = (baseUrl: string, token: string) => ({
    url: `${baseUrl}/v1/tokens/introspect`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${serviceKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const active = async (baseUrl: string, token: string, what: string) => {
    const { url, ...init } = introspect(baseUrl, token);
    const response = await fetch(url, init);
    const answer = (await response.json()) as { active?: boolean };
    if (response.status !== 200 || answer.active !== true)
      throw new Error(`${what}'s introspection answered ${response.status} ${JSON.stringify(answer).slice(0, 200)}, expected active`);
  };
  try {
    await active(main.api.baseUrl, accessToken, 'Latchkey');
    await active(floor.baseUrl, floor.token, 'the floor');
    const measure = (service: ChildService, baseUrl: string, token: string): Promise<ServerLoad> =>
      loadWithCpu(service, { ...introspect(baseUrl, token), connections, duration: seconds }, `POST ${baseUrl}/v1/tokens/introspect`);
    const runs = await interleave(
      rounds,
      () => measure(floor.service, floor.baseUrl, floor.token),
      () => measure(main.api.service, main.api.baseUrl, accessToken),
    );
    await active(main.api.baseUrl, accessToken, 'Latchkey (after the load)');
    return rateResult({ figure: FIGURE, goal: GOAL }, runs.subject, runs.baseline, `, ${COMPARED}`, [
      `${connections} connections, load generator on the same cores; JSON body {token} with a live access token, Authorization: Bearer SERVICE_API_KEY; LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'info'}`,
      `server CPU per request: Latchkey ${cpuUs(runs.subject)} µs, the floor ${cpuUs(runs.baseline)} µs`,
      `rounds (Latchkey and floor alternating): Latchkey ${roundRates(runs.subject)}; floor ${roundRates(runs.baseline)}`,
    ]);
  } finally {
    await stopFloor(run, floor);
  }
}
