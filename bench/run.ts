import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANGE_CLEAN_UP, measureChangeCleanUp } from './figures/change-clean-up.js';
import { EVENT_LOOP, measureEventLoop, type PoolSizing } from './figures/event-loop.js';
import type { BenchContext, BenchSettings, FigureResult } from './figures/figure.js';
import { notMeasured, profileArgs } from './figures/figure.js';
import { INTROSPECTION_THROUGHPUT, measureIntrospectionThroughput } from './figures/introspection-throughput.js';
import { ME_THROUGHPUT, measureMeThroughput } from './figures/me-throughput.js';
import { measurePolicyChecks, POLICY_CHECKS } from './figures/policy-checks.js';
import { measureRedisFallback, REDIS_FALLBACK } from './figures/redis-fallback.js';
import { measureRefreshThroughput, REFRESH_THROUGHPUT } from './figures/refresh-throughput.js';
import { measureResetLatency, RESET_LATENCY } from './figures/reset-latency.js';
import { measureSignInCpu, SIGN_IN_CPU } from './figures/sign-in-cpu.js';
import { measureSignInScale, SIGN_IN_SCALE } from './figures/sign-in-scale.js';
import { measureSignInThroughput, SIGN_IN_THROUGHPUT } from './figures/sign-in-throughput.js';
import { measureSignInTiming, SIGN_IN_TIMING } from './figures/sign-in-timing.js';
import { measureSsfExpiryPush, SSF_EXPIRY_PUSH } from './figures/ssf-expiry-push.js';
import { renderChart } from './report/chart.js';
import { renderMarkdown } from './report/markdown.js';
import { mergeIntoMarkdown } from './report/merge.js';
import { migrateTemplate } from './support/bench-database.js';
import { cleanUp } from './support/clean-up.js';
import { Installation, type BenchRun } from './support/installation.js';
import { describeMachine } from './support/machine.js';
import { cloneAccounts, MAIN_ACCOUNTS, seedOrganization } from './support/seed.js';
import { SmtpSink } from './support/smtp-sink.js';

/**
 * `npm run bench`: starts its own API and worker processes (from dist/) on fresh databases and
 * Redis prefixes, measures every figure of issue 8 as a ratio taken side by side, writes
 * docs/benchmarks.md and docs/benchmarks.svg, and removes everything it created.
 * BENCH_ONLY=policy,sign-in,… runs a subset and writes to bench/results/ instead of docs/; with
 * BENCH_UPDATE_DOCS=1 as well, the subset's rows and notes also replace their own in docs/benchmarks.md.
 */
const settings: BenchSettings = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 8),
  cpuProfileDir: process.env.BENCH_CPU_PROF,
};
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (name: string) => !only || only.includes(name);
const mainOverrides: Record<string, string> = {
  UV_THREADPOOL_SIZE: '4',
  ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
};

const log = (message: string) => console.log(`bench: ${message}`);
const id = `lkbench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const smtp = await SmtpSink.start();
const run: BenchRun = {
  id,
  template: `${id}_template`,
  adminKey: randomBytes(24).toString('hex'),
  smtpUrl: smtp.url,
  mailDir: mkdtempSync(join(tmpdir(), 'lkbench-mail-')),
  children: [],
  directories: [],
};
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted: cleaning up');
  void cleanUp(run).finally(() => process.exit(130));
});

async function attempt(
  descriptor: Pick<FigureResult, 'figure' | 'comparedWith' | 'goal'>,
  measure: () => Promise<FigureResult>,
): Promise<FigureResult> {
  log(`measuring: ${descriptor.figure}`);
  try {
    const result = await measure();
    log(
      `  ${result.measured}; ratio ${result.ratio?.toFixed(3) ?? '—'} (${result.met === null ? 'not measured' : result.met ? 'met' : 'MISSED'})`,
    );
    return result;
  } catch (error) {
    log(`  not measured: ${(error as Error).message}`);
    return notMeasured(descriptor.figure, descriptor.comparedWith, descriptor.goal, (error as Error).message.split('\n')[0]);
  }
}

async function startMain(): Promise<BenchContext['main']> {
  const installation = await Installation.create(run, 'main');
  const api = await installation.startApi(mainOverrides, profileArgs(settings));
  try {
    const organization = 'bench-org';
    const seeded = await seedOrganization(api.client, organization);
    await cloneAccounts(installation.database, seeded.templateAccountId, MAIN_ACCOUNTS);
    const worker = await installation.startWorker();
    return { installation, api, organization, worker };
  } catch (error) {
    log(`identity endpoints not usable, sign-in figures skipped: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

const startedAt = new Date();
const figures: FigureResult[] = [];
let sizing: PoolSizing[] = [];
try {
  log(`run ${id}: ${settings.rounds} rounds × ${settings.seconds} s, ${settings.connections} connections`);
  if (wanted('policy')) figures.push(await attempt(POLICY_CHECKS, async () => measurePolicyChecks(settings.rounds)));
  await migrateTemplate(run.template);
  const context: BenchContext = { run, settings, smtp, main: await startMain() };
  if (wanted('sign-in')) figures.push(await attempt(SIGN_IN_THROUGHPUT, () => measureSignInThroughput(context)));
  if (wanted('cpu')) figures.push(await attempt(SIGN_IN_CPU, () => measureSignInCpu(context)));
  if (wanted('me')) figures.push(await attempt(ME_THROUGHPUT, () => measureMeThroughput(context)));
  if (wanted('introspect')) figures.push(await attempt(INTROSPECTION_THROUGHPUT, () => measureIntrospectionThroughput(context)));
  if (wanted('refresh')) figures.push(await attempt(REFRESH_THROUGHPUT, () => measureRefreshThroughput(context)));
  if (wanted('redis-down')) figures.push(await attempt(REDIS_FALLBACK, () => measureRedisFallback(context)));
  if (wanted('reset')) figures.push(await attempt(RESET_LATENCY, () => measureResetLatency(context)));
  if (wanted('change')) figures.push(await attempt(CHANGE_CLEAN_UP, () => measureChangeCleanUp(context)));
  if (wanted('sign-in-timing')) figures.push(await attempt(SIGN_IN_TIMING, () => measureSignInTiming(context)));
  if (wanted('scale')) figures.push(await attempt(SIGN_IN_SCALE, () => measureSignInScale(context)));
  if (wanted('ssf')) figures.push(await attempt(SSF_EXPIRY_PUSH, () => measureSsfExpiryPush(context)));
  if (wanted('event-loop')) {
    figures.push(
      await attempt(EVENT_LOOP, async () => {
        const measured = await measureEventLoop(context);
        sizing = measured.sizing;
        return measured.figure;
      }),
    );
  }
} finally {
  log('cleaning up');
  await cleanUp(run);
  await smtp.close();
}

const directory = only ? 'bench/results' : 'docs';
mkdirSync(directory, { recursive: true });
const report = { machine: describeMachine(), startedAt, ...settings, figures, sizing, chartFile: 'benchmarks.svg' };
writeFileSync(join(directory, 'benchmarks.svg'), renderChart(figures));
writeFileSync(join(directory, 'benchmarks.md'), renderMarkdown(report));
log(`wrote ${directory}/benchmarks.md and ${directory}/benchmarks.svg`);
if (only && process.env.BENCH_UPDATE_DOCS === '1') {
  writeFileSync('docs/benchmarks.md', mergeIntoMarkdown(readFileSync('docs/benchmarks.md', 'utf8'), report));
  log(`merged ${figures.map((f) => f.figure).join(', ')} into docs/benchmarks.md (the chart stays the full run's)`);
}
process.exit(0);
