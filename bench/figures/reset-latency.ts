import { performance } from 'node:perf_hooks';
import { sleep, waitUntil } from '../support/child-service.js';
import { seedEmail } from '../support/seed.js';
import { percentile } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, judge, notMeasured } from './figure.js';

const FIGURE = 'Reset request → SMTP receipt';
const COMPARED = '— (ratio to the 1 s limit)';
const GOAL: Goal = { op: '<=', value: 1, text: 'p95 < 1 s' };
export const RESET_LATENCY = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const REQUESTS = 60;
const FIRST_ACCOUNT = 901; // u900 (warm-up) to u960, outside the sign-in loads' range
const SPACING_MS = 100;

/**
 * A stream of reset requests (10 a second, each for its own account: the per-account throttle
 * allows one mail a minute), timed from the request leaving to the message fully received by
 * the benchmark's SMTP server, through the outbox, BullMQ and the worker.
 */
export async function measureResetLatency(context: BenchContext): Promise<FigureResult> {
  const { main, smtp } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const request = (index: number) =>
    main.api.client.expect(202, 'POST', '/v1/password-resets', { organization: main.organization, email: seedEmail(index) });
  // Warm-up: the worker's first message opens its SMTP connection; wait for it before timing.
  const warmUp = performance.now();
  await request(FIRST_ACCOUNT - 1);
  await waitUntil(() => smtp.receivedSince(seedEmail(FIRST_ACCOUNT - 1), warmUp) !== undefined, 30_000, 'the first reset e-mail');
  const sent = new Map<number, number>();
  const answers: Promise<unknown>[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const index = FIRST_ACCOUNT + i;
    sent.set(index, performance.now());
    answers.push(request(index));
    await sleep(SPACING_MS);
  }
  await Promise.all(answers);
  const arrived = () => [...sent].filter(([index, at]) => smtp.receivedSince(seedEmail(index), at)).length;
  await waitUntil(() => arrived() === REQUESTS, 30_000, 'every reset e-mail').catch(() => undefined);
  const latencies = [...sent].flatMap(([index, at]) => {
    const receipt = smtp.receivedSince(seedEmail(index), at);
    return receipt ? [receipt.at - at] : [];
  });
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const lost = REQUESTS - latencies.length;
  const ratio = lost > 0 ? Number.POSITIVE_INFINITY : p95 / 1000;
  return {
    figure: FIGURE,
    measured: `p50 ${format(p50)} ms, p95 ${format(p95)} ms`,
    comparedWith: COMPARED,
    ratio,
    goal: GOAL,
    met: judge(ratio, GOAL),
    notes: [
      `${REQUESTS} requests, one every ${SPACING_MS} ms, one account each; max ${format(Math.max(...latencies))} ms${lost ? `; ${lost} e-mails never arrived within 30 s` : ''}`,
    ],
  };
}
