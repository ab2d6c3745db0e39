import { argon2Baseline, OWASP_PARAMETERS } from '../support/argon2-baseline.js';
import { databaseUrl } from '../support/bench-database.js';
import { ChildService, freePort, waitUntil } from '../support/child-service.js';
import { stopFloor } from '../support/floors.js';
import { SIGN_IN_ACCOUNTS } from '../support/seed.js';
import { assertMostlyOk, signInLoad } from '../support/sign-in-load.js';
import { median } from '../support/stats.js';
import { RECOMMENDED_POOL_SIZE } from './event-loop.js';
import { type BenchContext, type FigureResult, format, type Goal, interleave, judge, notMeasured } from './figure.js';

const FIGURE = 'Sign-in throughput';
const COMPARED = 'raw argon2id verify, same parameters, concurrency and thread pool';
const GOAL: Goal = { op: '>=', value: 0.8, text: '≥ 0.8' };
export const SIGN_IN_THROUGHPUT = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };

type MainInstallation = NonNullable<BenchContext['main']>;

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
  const floor = await measureFloor(context, main, 'plain');
  const shapedFloor = await measureFloor(context, main, 'transaction');
  const advised = await measureAtAdvisedPool(context, main);
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
      floor,
      shapedFloor,
      advised,
    ],
  };
}

/**
 * The same pair at the thread pool README's "Sizing" advises (cores − 1), where the hash has its own
 * cores and everything else one: there the ratio reads whether the hash alone bounds sign-in.
 */
async function measureAtAdvisedPool({ settings }: BenchContext, main: MainInstallation): Promise<string> {
  const pool = String(RECOMMENDED_POOL_SIZE);
  const api = await main.installation.startApi({ UV_THREADPOOL_SIZE: pool });
  const runs = await interleave(
    settings.rounds,
    () => argon2Baseline(OWASP_PARAMETERS, settings.connections, settings.seconds, pool),
    async () => {
      const result = await signInLoad(api.baseUrl, main.organization, SIGN_IN_ACCOUNTS, settings.connections, settings.seconds);
      assertMostlyOk(result, `sign-in load (UV_THREADPOOL_SIZE=${pool})`);
      return result.okPerSecond;
    },
  );
  await main.installation.stop(api);
  const baseline = median(runs.baseline.map((r) => r.perSecond));
  const subject = median(runs.subject);
  return (
    `at the advised thread pool (UV_THREADPOOL_SIZE=${pool}, cores − 1) for both, measured the same way: ${format(subject, 1)} sign-ins/s ÷ ${format(baseline, 1)} verifies/s = ` +
    `${(subject / baseline).toFixed(2)} (rounds: sign-in ${runs.subject.map((r) => format(r, 1)).join(', ')}; verify ${runs.baseline.map((r) => format(r.perSecond, 1)).join(', ')})`
  );
}

const FLOOR_SHAPES = {
  plain:
    "the framework's floor, measured the same way (NestJS + Fastify, one read of the hash, the verify, one single-statement insert, a JWT; " +
    'no transaction, lock, audit row or refresh-token row)',
  transaction:
    "the same floor with the write shaped as Latchkey's (FLOOR_SHAPE=transaction: on one connection BEGIN, the account row selected for update, " +
    'session and refresh token in one statement, an audit row, COMMIT; prepared statements)',
};

/**
 * The same load on the framework's floor for a sign-in (bench/children/sign-in-floor.ts: NestJS +
 * Fastify, one read of the hash, the verify, one single-statement insert, a JWT), on the same
 * database and against the raw verify again, so a miss can be read as Latchkey's own cost or the stack's.
 * The `transaction` shape does Latchkey's five round trips after the verify instead of one: beside the
 * plain floor it prices that shape, and Latchkey's distance to it is Latchkey's own code.
 */
async function measureFloor({ run, settings }: BenchContext, main: MainInstallation, shape: keyof typeof FLOOR_SHAPES): Promise<string> {
  const port = await freePort();
  const floor = ChildService.start(`sign-in-floor:${shape}`, 'dist/bench/children/sign-in-floor.js', {
    PORT: String(port),
    DATABASE_URL: databaseUrl(main.installation.database),
    UV_THREADPOOL_SIZE: '4',
    FLOOR_SHAPE: shape,
  });
  run.children.push(floor);
  await waitUntil(() => /^ready/m.test(floor.log), 20_000, 'the sign-in floor server');
  const floorUrl = `http://127.0.0.1:${port}`;
  const runs = await interleave(
    settings.rounds,
    () => argon2Baseline(OWASP_PARAMETERS, settings.connections, settings.seconds),
    async () => {
      const before = floor.cpuMs();
      const result = await signInLoad(floorUrl, main.organization, SIGN_IN_ACCOUNTS, settings.connections, settings.seconds);
      assertMostlyOk(result, `sign-in floor load (${shape})`);
      return { perSecond: result.okPerSecond, cpuMs: (floor.cpuMs() - before) / result.ok };
    },
  );
  await stopFloor(run, { service: floor, baseUrl: floorUrl });
  const perSecond = median(runs.subject.map((r) => r.perSecond));
  const ratio = perSecond / median(runs.baseline.map((r) => r.perSecond));
  return (
    `${FLOOR_SHAPES[shape]}: ${format(perSecond, 1)} sign-ins/s, ${format(median(runs.subject.map((r) => r.cpuMs)), 1)} CPU ms per sign-in, ` +
    `ratio ${ratio.toFixed(2)} to raw verify (rounds: ${runs.subject.map((r) => format(r.perSecond, 1)).join(', ')}; verify ${runs.baseline.map((r) => format(r.perSecond, 1)).join(', ')})`
  );
}
