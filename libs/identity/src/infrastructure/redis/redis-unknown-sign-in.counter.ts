import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '#libs/shared-kernel';
import { UnknownSignInCounter } from '../../application/ports/unknown-sign-in-counter.port.js';

// A day: long enough that a guesser sees a "locked" identity stay locked like a real one.
export const UNKNOWN_IDENTITY_WINDOW_SECONDS = 24 * 3600;
const MEMORY_LIMIT = 100_000;

const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/**
 * Counts in Redis so every instance agrees; the key holds a hash of the identity, not the
 * e-mail. While Redis is down it counts in this instance's memory (SPEC §7: no hanging).
 */
@Injectable()
export class RedisUnknownSignInCounter extends UnknownSignInCounter {
  private readonly logger = new Logger(RedisUnknownSignInCounter.name);
  private readonly memory = new Map<string, { count: number; expiresAt: number }>();
  private inMemory = false;

  constructor(private readonly redis: RedisClient) {
    super();
  }

  async increment(organizationName: string, emailNormalized: string): Promise<number> {
    const id = createHash('sha256').update(`${organizationName}\n${emailNormalized}`).digest('base64url');
    try {
      const count = Number(await this.redis.optional((connection) => connection.eval(INCREMENT, 1, this.redis.key('identity', 'unknown-sign-in', id), UNKNOWN_IDENTITY_WINDOW_SECONDS)));
      this.inMemory = false;
      return count;
    } catch (error) {
      if (!this.inMemory) this.logger.warn(`Redis unavailable, counting unknown sign-ins in memory: ${(error as Error).message}`);
      this.inMemory = true;
      return this.countInMemory(id);
    }
  }

  private countInMemory(id: string): number {
    const now = Date.now();
    const entry = this.memory.get(id);
    if (entry && entry.expiresAt > now) return ++entry.count;
    if (this.memory.size >= MEMORY_LIMIT) this.memory.clear();
    this.memory.set(id, { count: 1, expiresAt: now + UNKNOWN_IDENTITY_WINDOW_SECONDS * 1000 });
    return 1;
  }
}
