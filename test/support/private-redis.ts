import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { allocatePort, spawnTracked, trackedDirectory } from './child-processes.js';

/**
 * A redis-server of the test's own, to stop and restart: the shared one is never touched. It runs
 * in a temporary folder of its own (`--dir`, also its working directory), and the harness stops it
 * and removes the folder when the test file ends, even if the test never calls `stop()`.
 */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly directory: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await allocatePort(), trackedDirectory('latchkey-redis'));
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The server's process id (while it runs). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    this.process = spawnTracked(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.directory],
      { stdio: 'ignore', cwd: this.directory },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          await probe.connect();
          await probe.ping();
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      throw new Error(`private redis-server on port ${this.port} did not start`);
    } finally {
      probe.disconnect();
    }
  }

  /** Freezes the server: it keeps its data but answers nothing (a hung Redis, or a network partition). */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** Kills the server outright (a crash), paused or not; `start()` brings it back on the same port. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
