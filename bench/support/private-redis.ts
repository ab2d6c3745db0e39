import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ChildService, freePort, waitUntil } from './child-service.js';
import type { BenchRun } from './installation.js';

/**
 * A `redis-server` of the benchmark's own, on a free port, to stop while an API uses it (the
 * shared Redis is never touched). No persistence; it runs in a temporary folder of its own, which
 * the run's clean-up removes with the process if the figure does not get to.
 */
export class PrivateRedis {
  private constructor(
    private readonly run: BenchRun,
    private readonly service: ChildService,
    readonly port: number,
    private readonly directory: string,
  ) {}

  static async start(run: BenchRun): Promise<PrivateRedis> {
    const port = await freePort();
    const directory = mkdtempSync(join(tmpdir(), 'lkbench-redis-'));
    run.directories.push(directory);
    const service = ChildService.command(
      `redis-server:${port}`,
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory],
      {},
      directory,
    );
    run.children.push(service);
    const redis = new PrivateRedis(run, service, port, directory);
    const probe = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await waitUntil(
        async () => {
          if (!service.running) throw new Error(`redis-server exited during start-up: ${service.log.slice(-500)}`);
          try {
            if (probe.status !== 'ready') await probe.connect();
            return (await probe.ping()) === 'PONG';
          } catch {
            probe.disconnect();
            return false;
          }
        },
        10_000,
        `a private redis-server on port ${port}`,
      );
    } finally {
      probe.disconnect();
    }
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Stops the server: its port is closed from then on, as after a crash. */
  async stop(): Promise<void> {
    await this.service.stop();
    await rm(this.directory, { recursive: true, force: true });
    const child = this.run.children.indexOf(this.service);
    if (child >= 0) this.run.children.splice(child, 1);
    const directory = this.run.directories.indexOf(this.directory);
    if (directory >= 0) this.run.directories.splice(directory, 1);
  }
}
