import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AppConfig } from '../config/app-config.js';
import { createRedisConnection, redisKey, type RedisConnection } from './redis-connection.js';

/** How long optional commands are skipped after one timed out (a hung server: connected, silent). */
export const SKIP_AFTER_TIMEOUT_MS = 1_000;

/** Thrown instead of running an optional command while Redis is being skipped. */
export class RedisSkippedError extends Error {
  constructor() {
    super('Redis did not answer in time; skipped for a moment');
  }
}

const timeouts = new Counter({
  name: 'latchkey_redis_command_timeouts_total',
  help: 'Redis commands the API gave up on after the command timeout',
});
const skipped = new Counter({
  name: 'latchkey_redis_commands_skipped_total',
  help: 'Optional Redis commands not sent because Redis had just timed out',
});

const isTimeout = (error: unknown): boolean => error instanceof Error && /timed out/i.test(error.message);

/** The API's fail-fast Redis connection; callers treat a rejected command as "Redis is down". */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly connection: RedisConnection;
  private skipUntil = 0;

  constructor(private readonly config: AppConfig) {
    this.connection = createRedisConnection(config, 'command');
  }

  key(...parts: string[]): string {
    return redisKey(this.config, ...parts);
  }

  get isReady(): boolean {
    return this.connection.status === 'ready';
  }

  /**
   * For commands whose caller has a fallback (a read that PostgreSQL can answer, a count that memory
   * can keep): a stopped Redis fails them at once, a hung one only after the 500 ms command timeout —
   * so after a timeout they are not sent for SKIP_AFTER_TIMEOUT_MS and reject at once. Writes that must
   * land when the server resumes (revocation markers, invalidations) use `connection` directly.
   */
  async optional<T>(command: (connection: RedisConnection) => Promise<T>): Promise<T> {
    if (Date.now() < this.skipUntil) {
      skipped.inc();
      throw new RedisSkippedError();
    }
    try {
      return await command(this.connection);
    } catch (error) {
      if (isTimeout(error)) {
        timeouts.inc();
        this.skipUntil = Date.now() + SKIP_AFTER_TIMEOUT_MS;
      }
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.connection.disconnect();
  }
}
