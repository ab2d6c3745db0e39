import { Queue } from 'bullmq';
import { sleep, waitUntil } from '../support/child-service.js';
import { validPassword } from '../support/passwords.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import { percentile } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, judge, notMeasured } from './figure.js';

const FIGURE = 'Change with expiry → clean-up job done';
const COMPARED = '— (ratio to the 1 s limit)';
const GOAL: Goal = { op: '<=', value: 1, text: 'p95 < 1 s' };
export const CHANGE_CLEAN_UP = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const CHANGES = 30;
const FIRST_ACCOUNT = 970; // u969 (warm-up) to u999: their passwords change, so outside the sign-in loads' range
const SPACING_MS = 200;

/**
 * `POST /v1/me/password` with `expireSessionsAndTokens: true`, one account after another; for
 * each, the time from its 204 to the `credentials-expired` job's `finishedOn` in BullMQ (read
 * from Redis under the installation's prefix; both clocks are this machine's).
 */
export async function measureChangeCleanUp(context: BenchContext): Promise<FigureResult> {
  const { main } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const client = main.api.client;
  const accounts: Array<{ index: number; token: string; id: string }> = [];
  for (let i = -1; i < CHANGES; i += 1) {
    const index = FIRST_ACCOUNT + i;
    const { accessToken } = await client.signIn(main.organization, seedEmail(index), SEED_PASSWORD);
    const me = await client.expect<{ id: string }>(200, 'GET', '/v1/me', undefined, accessToken);
    accounts.push({ index, token: accessToken, id: me.id });
  }
  const answeredAt = new Map<string, number>();
  for (const account of accounts) {
    const body = {
      currentPassword: SEED_PASSWORD,
      newPassword: validPassword(30, seedEmail(account.index)),
      expireSessionsAndTokens: true,
    };
    await client.expect(204, 'POST', '/v1/me/password', body, account.token);
    answeredAt.set(account.id, Date.now());
    await sleep(SPACING_MS);
  }
  const warmUp = accounts[0].id; // the first change (account u199) is not counted
  answeredAt.delete(warmUp);
  const url = new URL(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const queue = new Queue('revocation', {
    connection: { host: url.hostname, port: Number(url.port || 6379) },
    prefix: `{${main.installation.queuePrefix}}`,
  });
  try {
    const finished = async () => {
      const jobs = await queue.getJobs(['completed'], 0, 10_000);
      return new Map(
        jobs
          .filter((job) => job.name === 'credentials-expired' && job.finishedOn)
          .map((job) => [job.data.accountId as string, job.finishedOn!]),
      );
    };
    await waitUntil(
      async () => {
        const done = await finished();
        return [...answeredAt.keys()].every((id) => done.has(id));
      },
      30_000,
      'the clean-up jobs',
    ).catch(() => undefined);
    const done = await finished();
    const failed = (await queue.getJobs(['failed'], 0, 1_000)).length;
    const latencies = [...answeredAt].flatMap(([id, at]) => (done.has(id) ? [Math.max(0, done.get(id)! - at)] : []));
    const missing = answeredAt.size - latencies.length;
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const ratio = missing > 0 ? Number.POSITIVE_INFINITY : p95 / 1000;
    return {
      figure: FIGURE,
      measured: `p50 ${format(p50)} ms, p95 ${format(p95)} ms`,
      comparedWith: COMPARED,
      ratio,
      goal: GOAL,
      met: judge(ratio, GOAL),
      notes: [
        `${CHANGES} changes, one every ${SPACING_MS} ms; a job finished before the client read its 204 counts as 0 ms${missing ? `; ${missing} jobs not finished within 30 s` : ''}${failed ? `; ${failed} failed jobs` : ''}`,
      ],
    };
  } finally {
    await queue.close();
  }
}
