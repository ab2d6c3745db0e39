import { argon2Baseline, OWASP_PARAMETERS } from '../support/argon2-baseline.js';
import { SIGN_IN_ACCOUNTS } from '../support/seed.js';
import { assertMostlyOk, signInLoad } from '../support/sign-in-load.js';
import { median } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, interleave, judge, notMeasured } from './figure.js';

const FIGURE = 'Sign-in throughput';
const COMPARED = 'raw argon2id verify, same parameters, concurrency and thread pool';
const GOAL: Goal = { op: '>=', value: 0.9, text: '≥ 0.9' };
export const SIGN_IN_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };

/** Everything a sign-in does besides the hash should be small beside it. */
export async function measureSignInThroughput(context: BenchContext): Promise<FigureResult> {
  const { main, settings } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const { rounds, seconds, connections } = settings;
  const runs = await interleave(
    rounds,
    () => argon2Baseline(OWASP_PARAMETERS, connections, seconds),
    async () => {
      const before = main.api.service.cpuMs();
      const result = await signInLoad(main.api.baseUrl, main.organization, SIGN_IN_ACCOUNTS, connections, seconds);
      assertMostlyOk(result, 'sign-in load');
      return { perSecond: result.okPerSecond, cpuMs: (main.api.service.cpuMs() - before) / result.ok };
    },
  );
  const baseline = median(runs.baseline.map((r) => r.perSecond));
  const subject = median(runs.subject.map((r) => r.perSecond));
  const ratio = subject / baseline;
  return {
    figure: FIGURE,
    measured: `${format(subject, 1)} sign-ins/s`,
    comparedWith: `${format(baseline, 1)} verifies/s`,
    ratio,
    goal: GOAL,
    met: judge(ratio, GOAL),
    notes: [
      `argon2id m=19456 KiB, t=2, p=1; ${connections} connections / ${connections} concurrent verifies; UV_THREADPOOL_SIZE=4; accounts u0…u899 in turn`,
      `CPU per sign-in ${format(median(runs.subject.map((r) => r.cpuMs)), 1)} ms (API process, every thread), per raw verify ${format(median(runs.baseline.map((r) => r.cpuMsPerVerify)), 1)} ms`,
      `rounds: sign-in ${runs.subject.map((r) => format(r.perSecond, 1)).join(', ')}; verify ${runs.baseline.map((r) => format(r.perSecond, 1)).join(', ')}`,
    ],
  };
}
