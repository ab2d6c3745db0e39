import { performance } from 'node:perf_hooks';
import { sleep } from '../support/child-service.js';
import { cloneAccounts, SEED_DOMAIN, seedEmail, seedOrganization } from '../support/seed.js';
import { mannWhitneyZ, median } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, judge, notMeasured } from './figure.js';

const FIGURE = 'Failed sign-in timing: account vs unknown identity';
const COMPARED = '— (ratio to the limits: |z| < 4, medians within 0.3 ms)';
const GOAL: Goal = {
  op: '<=',
  value: 1,
  text: 'every pair: Mann-Whitney |z| < 4 and |Δ median| ≤ 0.3 ms (ratio = worst of |z|/4, |Δ|/0.3)',
};
export const SIGN_IN_TIMING = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const SAMPLES = Number(process.env.BENCH_TIMING_SAMPLES ?? 800);
// Lets the previous answer's after-work (a lock's reset link and mail) finish, as a prober pacing its guesses would.
const GAP_MS = 15;
const WRONG = 'Wrong-Timing-Pw!9';

interface Pair {
  name: string;
  account: number[];
  unknown: number[];
}

/**
 * From outside, like an attacker: one fresh account and one fresh unknown e-mail per sample in one
 * organization, each taken through failures 1…6 in turn, and the time of three of them compared
 * class against class, interleaved (account first in one pair, unknown first in the next):
 * failure 1 (a wrong password vs an unknown e-mail), failure 5 (the one that locks) and failure 6
 * (locked vs fake-locked). Failures 2–4 are not timed. Every answer's status is checked too.
 */
export async function measureSignInTiming(context: BenchContext): Promise<FigureResult> {
  const { main, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const organization = 'timing-org';
  const seeded = await seedOrganization(main.api.client, organization);
  await cloneAccounts(main.installation.database, seeded.templateAccountId, SAMPLES + 1);
  const account = (i: number) => seedEmail(i + 1);
  const unknown = (i: number) => `ghost${i}.${run.id.slice(-4)}@${SEED_DOMAIN}`;
  const url = `${main.api.baseUrl}/v1/auth/sign-in`;
  const timed = async (email: string, expected: number, org = organization): Promise<number> => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: org, email, password: WRONG }),
    });
    await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== expected) throw new Error(`sign-in of ${email} answered ${response.status}, expected ${expected}`);
    return elapsed;
  };
  const compare = async (name: string, expected: number): Promise<Pair> => {
    const pair: Pair = { name, account: [], unknown: [] };
    for (let i = 0; i < 10; i += 1)
      await timed(`warm-up-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}-${i}@${SEED_DOMAIN}`, 401, 'timing-warm-up');
    for (let i = 0; i < SAMPLES; i += 1) {
      const order = i % 2 === 0 ? (['account', 'unknown'] as const) : (['unknown', 'account'] as const);
      for (const kind of order) {
        pair[kind].push(await timed(kind === 'account' ? account(i) : unknown(i), expected));
        await sleep(GAP_MS);
      }
    }
    return pair;
  };
  const untimed = async (failures: number) => {
    const work = Array.from({ length: SAMPLES }, (_, i) => [account(i), unknown(i)]).flat();
    const lanes = Array.from({ length: 4 }, async (_, lane) => {
      for (let i = lane; i < work.length; i += 4) for (let f = 0; f < failures; f += 1) await timed(work[i], 401);
    });
    await Promise.all(lanes);
  };

  const first = await compare('wrong password vs unknown e-mail (failure 1)', 401);
  await untimed(3);
  const locking = await compare('the locking failure vs an unknown identity’s 5th', 423);
  const locked = await compare('locked account vs fake-locked unknown identity (failure 6)', 423);
  const pairs = [first, locking, locked].map((pair) => {
    const delta = median(pair.account) - median(pair.unknown);
    const z = mannWhitneyZ(pair.account, pair.unknown);
    return { ...pair, delta, z, ratio: Math.max(Math.abs(z) / 4, Math.abs(delta) / 0.3) };
  });
  const ratio = Math.max(...pairs.map((pair) => pair.ratio));
  return {
    figure: FIGURE,
    measured: pairs.map((p) => `Δ median ${p.delta >= 0 ? '+' : '−'}${format(Math.abs(p.delta), 2)} ms, z ${format(p.z, 2)}`).join('; '),
    comparedWith: COMPARED,
    ratio,
    goal: GOAL,
    met: judge(ratio, GOAL),
    notes: [
      `${SAMPLES} samples per class and pair, one sign-in at a time, ${GAP_MS} ms apart, argon2id at the API's parameters`,
      ...pairs.map(
        (p) =>
          `${p.name}: medians ${format(median(p.account), 2)} ms (account) and ${format(median(p.unknown), 2)} ms (unknown), z = ${format(p.z, 2)}`,
      ),
    ],
  };
}
