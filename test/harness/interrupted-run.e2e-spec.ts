import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnTracked, trackedDirectory } from '../support/child-processes.js';
import { eventually } from '../support/eventually.js';
import type { FixtureReport } from './fixtures/fixture-report.js';

/**
 * The harness owns what a test spawns (issue 23): a Jest run started here on the fixtures under
 * fixtures/ (files the normal test match never picks up) must leave no process and no temporary
 * folder behind, whether it is interrupted halfway or a file simply never stops what it started.
 */
const FIXTURES = 'test/harness/fixtures';

/** The integration project's own configuration (environment, setup file, transforms), run on the fixtures. */
function fixtureConfig(): string {
  const { projects } = createRequire(__filename)('../../jest.config.cjs') as { projects: Array<Record<string, unknown>> };
  const {
    globalSetup: _setup,
    globalTeardown: _teardown,
    ...integration
  } = projects.find((project) => project.displayName === 'integration')!;
  return JSON.stringify({
    ...integration,
    displayName: 'harness-fixtures',
    testMatch: [`<rootDir>/${FIXTURES}/*.fixture.ts`],
    globalTeardown: `<rootDir>/${FIXTURES}/record-survivors.ts`,
  });
}

class FixtureRun {
  private output = '';
  readonly exited: Promise<number | NodeJS.Signals | null>;

  private constructor(
    readonly child: ChildProcess,
    private readonly reportFile: string,
    readonly survivorsFile: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  }

  static start(args: string[]): FixtureRun {
    const folder = trackedDirectory('latchkey-fixture-run');
    const reportFile = join(folder, 'report.jsonl');
    const survivorsFile = join(folder, 'survivors.json');
    const child = spawnTracked(
      process.execPath,
      ['node_modules/jest/bin/jest.js', '--config', fixtureConfig(), '--ci', '--no-watchman', ...args],
      {
        env: { ...process.env, LATCHKEY_FIXTURE_REPORT: reportFile, LATCHKEY_FIXTURE_SURVIVORS: survivorsFile },
        stdio: 'pipe',
      },
    );
    return new FixtureRun(child, reportFile, survivorsFile);
  }

  get log(): string {
    return this.output;
  }

  reports(): FixtureReport[] {
    if (!existsSync(this.reportFile)) return [];
    return readFileSync(this.reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FixtureReport);
  }

  async waitForReports(fixtures: string[]): Promise<FixtureReport[]> {
    return eventually(
      () => {
        const reports = this.reports();
        return fixtures.every((fixture) => reports.some((report) => report.fixture === fixture)) && reports;
      },
      `${fixtures.join(', ')} to report what they started (output so far: ${this.output})`,
      90_000,
    );
  }

  survivors(): { pids: number[]; directories: string[] } {
    return JSON.parse(readFileSync(this.survivorsFile, 'utf8')) as { pids: number[]; directories: string[] };
  }
}

/** Alive and not a zombie (a dead process its parent has not reaped yet holds nothing). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function expectNothingLeft(pids: number[], directories: string[]): Promise<void> {
  // Killed processes may take a moment to be reaped once their parent is gone.
  await eventually(() => pids.every((pid) => !isRunning(pid)), `pids ${pids.filter(isRunning).join(', ')} to be gone`, 5_000).catch(
    () => undefined,
  );
  expect(pids.filter(isRunning)).toEqual([]);
  expect(directories.filter((path) => existsSync(path))).toEqual([]);
}

describe('the test harness owns every process it spawns', () => {
  it('an interrupted run (SIGINT to Jest running in band) leaves no process and no folder', async () => {
    const run = FixtureRun.start(['--runInBand', 'spawns-and-waits']);
    const [report] = await run.waitForReports(['spawns-and-waits']);
    expect(report.pids.every(isRunning)).toBe(true);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);

    await expectNothingLeft([...report.pids, report.jestPid], report.directories);
  }, 120_000);

  it('an interrupted run with workers (SIGINT to the main Jest process only) leaves no process and no folder', async () => {
    const run = FixtureRun.start(['--maxWorkers=2', 'spawns-and-waits', 'forgets-to-stop']);
    const reports = await run.waitForReports(['spawns-and-waits', 'forgets-to-stop']);
    const waiting = reports.find((report) => report.fixture === 'spawns-and-waits')!;
    expect(waiting.jestPid).not.toBe(run.child.pid);

    run.child.kill('SIGINT');
    await run.exited;

    await expectNothingLeft(
      reports.flatMap((report) => [...report.pids, report.jestPid]),
      reports.flatMap((report) => report.directories),
    );
  }, 120_000);

  it('a file that never stops what it started leaves nothing once it ends, and Jest exits by itself', async () => {
    const run = FixtureRun.start(['--runInBand', 'forgets-to-stop']);
    // Without forceExit: a child or server left open would keep Jest from exiting.
    const exit = await Promise.race([run.exited, new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000))]);
    const [report] = run.reports();
    // Gone when the file ended, not only when the Jest process exited (which would also kill them).
    expect(existsSync(run.survivorsFile) ? run.survivors() : 'no survivors recorded').toEqual({ pids: [], directories: [] });
    expect({ exit, log: exit === 0 ? '' : run.log }).toEqual({ exit: 0, log: '' });
    await expectNothingLeft([...report.pids, report.jestPid], report.directories);
  }, 120_000);
});
