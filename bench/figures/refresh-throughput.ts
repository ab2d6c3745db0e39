import type { ChildService } from '../support/child-service.js';
import { startRefreshFloor, stopFloor } from '../support/floors.js';
import { refreshLoad } from '../support/refresh-load.js';
import { SEED_PASSWORD, seedEmail, SIGN_IN_ACCOUNTS } from '../support/seed.js';
import { median } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, interleave, judge, notMeasured } from './figure.js';

const FIGURE = 'Refresh-token rotation `POST /v1/auth/refresh`';
const KEYCLOAK_MS = 1000 / 120;
const COMPARED = `Keycloak's published sizing: 120 refreshes/s per vCPU (${format(KEYCLOAK_MS, 2)} ms)`;
const GOAL: Goal = { op: '<=', value: 0.5, text: `≤ 0.5 (≤ ${format(0.5 * KEYCLOAK_MS, 2)} CPU ms per refresh)` };
export const REFRESH_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const FIRST_ACCOUNT = 10; // among the sign-in loads' accounts: signed in only, never changed

interface Round {
  perSecond: number;
  cpuMs: number;
  /** Chains broken by an answer other than 200 (each started again before the next round). */
  failed: number;
}

/**
 * Rotations under load, each connection with a chain of its own: every answer's refresh token is the
 * next request's (single use), so one chain is one session refreshed as fast as its connection
 * allows. CPU time of the server process (every thread, /proc) per rotation, against Keycloak's
 * sizing; the framework's floor for a rotation (bench/children/refresh-floor.ts) in the same rounds,
 * alternating, for reading a miss. A chain that breaks is started again between rounds (a new
 * sign-in), outside the measured time.
 */
export async function measureRefreshThroughput(context: BenchContext): Promise<FigureResult> {
  const { main, settings, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const { rounds, seconds, connections } = settings;
  const signIn = async (chain: number) =>
    (await main.api.client.signIn(main.organization, seedEmail((FIRST_ACCOUNT + chain) % SIGN_IN_ACCOUNTS), SEED_PASSWORD)).refreshToken;
  const floor = await startRefreshFloor(run, main.installation.database);
  const startFloorChain = async () => {
    const response = await fetch(`${floor.baseUrl}/floor/chains`, { method: 'POST' });
    if (response.status !== 201) throw new Error(`the refresh floor's chain start answered ${response.status}`);
    return ((await response.json()) as { refreshToken: string }).refreshToken;
  };
  try {
    const chains = {
      latchkey: await Promise.all(Array.from({ length: connections }, (_, chain) => signIn(chain))),
      floor: await Promise.all(Array.from({ length: connections }, () => startFloorChain())),
    };
    const measure = async (
      service: ChildService,
      baseUrl: string,
      tokens: Array<string | null>,
      restart: (chain: number) => Promise<string>,
    ) => {
      for (const [chain, token] of tokens.entries()) if (token === null) tokens[chain] = await restart(chain);
      const before = service.cpuMs();
      const result = await refreshLoad(baseUrl, tokens, seconds);
      const cpuMs = (service.cpuMs() - before) / result.ok;
      if (result.ok === 0 || result.failed > result.ok * 0.01)
        throw new Error(`refresh load on ${baseUrl}: ${result.ok} rotations, ${result.failed} chains broken by an answer other than 200`);
      return { perSecond: result.okPerSecond, cpuMs, failed: result.failed } satisfies Round;
    };
    const runs = await interleave(
      rounds,
      () => measure(floor.service, floor.baseUrl, chains.floor, startFloorChain),
      () => measure(main.api.service, main.api.baseUrl, chains.latchkey, signIn),
    );
    return result(context, runs);
  } finally {
    await stopFloor(run, floor);
  }
}

function result({ settings }: BenchContext, runs: { baseline: Round[]; subject: Round[] }): FigureResult {
  const cpuMs = median(runs.subject.map((r) => r.cpuMs));
  const floorCpuMs = median(runs.baseline.map((r) => r.cpuMs));
  const perSecond = (rounds: Round[]) => median(rounds.map((r) => r.perSecond));
  const list = (rounds: Round[]) => rounds.map((r) => format(r.perSecond)).join(', ');
  const failed = (rounds: Round[]) => rounds.reduce((total, r) => total + r.failed, 0);
  const ratio = cpuMs / KEYCLOAK_MS;
  return {
    figure: FIGURE,
    measured: `${format(cpuMs, 2)} CPU ms per refresh (${format(perSecond(runs.subject))} refreshes/s)`,
    comparedWith: COMPARED,
    ratio,
    goal: GOAL,
    met: judge(ratio, GOAL),
    notes: [
      `${settings.connections} connections, each rotating its own session's chain (a request waits for the previous answer's refresh token); CPU of the API process (every thread, /proc) over the run ÷ rotations answered 200; load generator on the same cores`,
      `the framework's floor, measured the same way in the same rounds (NestJS + Fastify + pg, one transaction: the token's row selected for update, marked used, its successor inserted; an HS256 JWT): ${format(floorCpuMs, 2)} CPU ms per refresh, ${format(perSecond(runs.baseline))} refreshes/s; ratio to Keycloak ${(floorCpuMs / KEYCLOAK_MS).toFixed(2)}; Latchkey's CPU per refresh ÷ the floor's ${(cpuMs / floorCpuMs).toFixed(2)}`,
      `rounds (refreshes/s, Latchkey and floor alternating): Latchkey ${list(runs.subject)}; floor ${list(runs.baseline)}; CPU ms per refresh: Latchkey ${runs.subject.map((r) => format(r.cpuMs, 2)).join(', ')}; floor ${runs.baseline.map((r) => format(r.cpuMs, 2)).join(', ')}`,
      ...(failed(runs.subject) + failed(runs.baseline) > 0
        ? [
            `chains broken by an answer other than 200 (started again before the next round): Latchkey ${failed(runs.subject)}, floor ${failed(runs.baseline)}`,
          ]
        : []),
    ],
  };
}
