import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { createRedisConnection, type RedisConnection } from '../redis/redis-connection.js';

/** Jobs retry with exponential backoff; finished jobs are kept a while for inspection, then dropped. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Producer side of BullMQ: one fail-fast connection shared by every queue of the installation. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private readonly connection: RedisConnection;

  constructor(private readonly config: AppConfig) {
    this.connection = createRedisConnection(config, 'queue');
  }

  /** Called each time the connection to Redis is (re-)established. */
  onReady(listener: () => void): void {
    this.connection.on('ready', listener);
  }

  /** The queues this process has opened so far (the outbox relay opens each on its first message); the queue board lists them. */
  names(): string[] {
    return [...this.queues.keys()];
  }

  get(name: string): Queue {
    const known = this.queues.get(name);
    if (known) return known;
    const queue = new Queue(name, {
      connection: this.connection,
      prefix: this.config.redisPrefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    queue.on('error', () => undefined);
    this.queues.set(name, queue);
    void queue.waitUntilReady().catch(() => this.forget(name, queue));
    return queue;
  }

  /**
   * A queue whose start-up failed is dropped, so the next `get` makes a new one. BullMQ keeps the
   * error of a failed start (its `INFO` timed out, or a Redis Cluster was between two states at that
   * moment) and fails every later call of that queue with it, for the life of the process — one
   * instance's relay then failed each mail it took, while the other instance's went through.
   */
  private forget(name: string, queue: Queue): void {
    if (this.queues.get(name) === queue) this.queues.delete(name);
    void queue.close().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
