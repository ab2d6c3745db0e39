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
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.redisPrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
