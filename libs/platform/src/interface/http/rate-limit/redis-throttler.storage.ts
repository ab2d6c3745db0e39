import { Injectable, Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';
import { RedisClient } from '../../../infrastructure/redis/redis-client.js';

// One round trip: count the hit in a fixed window that starts with the first hit.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/**
 * Counts in Redis so limits hold across API instances (docs/scaling.md); while Redis is unreachable
 * it counts in this instance's memory instead of hanging or failing (docs/guarantees.md#when-redis-is-down).
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private inMemory = false;

  constructor(private readonly redis: RedisClient) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, pttl] = (await this.redis.optional((connection) =>
        connection.eval(INCREMENT, 1, this.redis.key('throttle', name, key), ttl),
      )) as [number, number];
      const timeToExpire = Math.max(1, Math.ceil(pttl / 1000));
      this.inMemory = false;
      const isBlocked = hits > limit;
      return {
        totalHits: hits,
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? Math.max(timeToExpire, Math.ceil(blockDuration / 1000)) : 0,
      };
    } catch (error) {
      if (!this.inMemory) this.logger.warn(`Redis unavailable, rate limits count in memory: ${(error as Error).message}`);
      this.inMemory = true;
      return this.fallback.increment(key, ttl, limit, blockDuration, name);
    }
  }
}
