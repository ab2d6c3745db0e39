import { argon2Baseline, KEYCLOAK_PARAMETERS } from '../support/argon2-baseline.js';
import { Installation } from '../support/installation.js';
import { cloneAccounts, seedOrganization } from '../support/seed.js';
import { assertMostlyOk, signInLoad } from '../support/sign-in-load.js';
import { median } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, interleave, judge, notMeasured } from './figure.js';

const FIGURE = "CPU per sign-in at Keycloak's hashing parameters";
const KEYCLOAK_MS = 1000 / 15;
const COMPARED = `Keycloak's published sizing: 15 sign-ins/s per vCPU (${format(KEYCLOAK_MS, 1)} ms)`;
const GOAL: Goal = { op: '<=', value: 0.15, text: `≤ 0.15 (≤ ${format(0.15 * KEYCLOAK_MS, 1)} ms)` };
export const SIGN_IN_CPU = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };

/**
 * The API runs with argon2id m=7 MiB, t=5, p=1 (Keycloak's defaults); its CPU time (every thread,
 * from /proc/<pid>/stat) over a load run, divided by the sign-ins it completed.
 */
export async function measureSignInCpu(context: BenchContext): Promise<FigureResult> {
  const { main, settings, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const keycloak = await Installation.create(run, 'keycloak');
  const api = await keycloak.startApi({ ...KEYCLOAK_PARAMETERS, UV_THREADPOOL_SIZE: '4' });
  try {
    const seeded = await seedOrganization(api.client, main.organization);
    await cloneAccounts(keycloak.database, seeded.templateAccountId, 1_000);
    const { rounds, seconds, connections } = settings;
    const runs = await interleave(
      rounds,
      () => argon2Baseline(KEYCLOAK_PARAMETERS, connections, seconds),
      async () => {
        const before = api.service.cpuMs();
        const result = await signInLoad(api.baseUrl, main.organization, 1_000, connections, seconds);
        const used = api.service.cpuMs() - before;
        assertMostlyOk(result, 'sign-in load at Keycloak parameters');
        return { cpuMs: used / result.ok, perSecond: result.okPerSecond };
      },
    );
    const cpuMs = median(runs.subject.map((r) => r.cpuMs));
    const hashMs = median(runs.baseline.map((r) => r.cpuMsPerVerify));
    const ratio = cpuMs / KEYCLOAK_MS;
    return {
      figure: FIGURE,
      measured: `${format(cpuMs, 1)} CPU ms per sign-in`,
      comparedWith: COMPARED,
      ratio,
      goal: GOAL,
      met: judge(ratio, GOAL),
      notes: [
        `of which the hash alone (raw verify, same parameters, side by side): ${format(hashMs, 1)} CPU ms; the rest of a sign-in: ${format(cpuMs - hashMs, 1)} ms`,
        `sign-ins/s at these parameters: ${runs.subject.map((r) => format(r.perSecond, 1)).join(', ')}; raw verifies/s: ${runs.baseline.map((r) => format(r.perSecond, 1)).join(', ')}`,
      ],
    };
  } finally {
    await keycloak.stop(api);
  }
}
