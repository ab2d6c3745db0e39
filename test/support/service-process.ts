import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { allocatePort, spawnTracked } from './child-processes.js';
import { eventually } from './eventually.js';
import { createTestDatabase } from './test-database.js';

/**
 * A built entry point (`dist/…`) run as its own process, as a person or an orchestrator runs it.
 * The harness stops it (and what it started) when the test file ends, if the test has not.
 */
export class ServiceProcess {
  private output = '';
  /** The exit code, or the signal that ended the process. */
  readonly exited: Promise<number | NodeJS.Signals | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  }

  /** `nodeArgs` go before the script, as in `node --import ./dist/apps/api/src/instrument.js dist/apps/api/src/main.js`. */
  static run(script: string, env: Record<string, string>, nodeArgs: string[] = []): ServiceProcess {
    const child = spawnTracked(process.execPath, [...nodeArgs, script], {
      // WORKER_PORT 0: a worker's /health and /metrics on a free port, so tests and runs on one host never collide.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', WORKER_PORT: '0', ...env },
      stdio: 'pipe',
    });
    return new ServiceProcess(child);
  }

  get log(): string {
    return this.output;
  }

  async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    await eventually(() => pattern.test(this.output), `the log to show ${pattern}`, timeoutMs);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | NodeJS.Signals | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** A free loopback port for a service to listen on (recorded for the end-of-run check in `.ci/run`). */
export const freePort = allocatePort;

/** Waits until `GET {baseUrl}/health` answers 200. */
export async function waitForHealthy(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      try {
        return (await fetch(`${baseUrl}/health`)).status === 200;
      } catch {
        return false;
      }
    },
    `${baseUrl}/health to answer 200`,
    timeoutMs,
  );
}

/**
 * The environment of a built service started by a test on `port`: its public URL, a database and a
 * queue prefix of its own (so runs never share data), and cheaper hashing (the benchmarks use the
 * real parameters); `extra` (keys, mail, tracing, …) on top.
 */
export async function builtServiceEnvironment(port: number, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: await createTestDatabase(),
    QUEUE_PREFIX: `lkt-${randomBytes(4).toString('hex')}`,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    ...extra,
  };
}
