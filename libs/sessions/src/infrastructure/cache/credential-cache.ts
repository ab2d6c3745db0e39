import { Injectable } from '@nestjs/common';
import { RedisClient } from '#libs/shared-kernel';
import { ReadyClock } from './ready-clock.js';

/** A revoked credential's marker: denies at once, and stops a fill that read PostgreSQL before the revocation. */
const REVOKED = 'x';
const POSITIVE_TTL_MS = 5 * 60_000;
/** Longer than any request that read PostgreSQL before a revocation could still take to write its fill. */
const REVOKED_TTL_MS = 15 * 60_000;

/** Writes `value|<redis server ms>` unless the key holds a revocation marker. */
const FILL_SCRIPT = `
if redis.call('GET', KEYS[1]) == '${REVOKED}' then return 0 end
local t = redis.call('TIME')
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. string.format('%.0f', t[1] * 1000 + math.floor(t[2] / 1000)), 'PX', ARGV[2])
return 1`;

export type CacheLookup =
  | { state: 'revoked' }
  /** Fields written by a fill, minus the write time; trusted only when written after Redis last became ready. */
  | { state: 'hit'; fields: string[] }
  /** Absent, untrusted, or Redis unreachable: ask PostgreSQL. */
  | { state: 'miss' };

/**
 * The guard's fast path. Positive entries are written after PostgreSQL said yes; revocations
 * overwrite them with a marker after they commit. An entry written before this instance's
 * connection last became ready is ignored: a marker that failed to land during an outage may have
 * left it behind (see docs/sessions.md).
 */
@Injectable()
export class CredentialCache {
  constructor(
    private readonly redis: RedisClient,
    private readonly readyClock: ReadyClock,
  ) {}

  sessionKey(sessionId: string): string {
    return this.redis.key('session', sessionId);
  }

  apiTokenKey(secretHash: string): string {
    return this.redis.key('api-token', secretHash);
  }

  async lookup(key: string): Promise<CacheLookup> {
    const trustedSince = this.readyClock.trustedSinceMs;
    if (trustedSince === null) return { state: 'miss' };
    let value: string | null;
    try {
      value = await this.redis.optional((connection) => connection.get(key));
    } catch {
      return { state: 'miss' };
    }
    if (value === null) return { state: 'miss' };
    if (value === REVOKED) return { state: 'revoked' };
    const fields = value.split('|');
    const writtenAt = Number(fields.pop());
    return writtenAt >= trustedSince ? { state: 'hit', fields } : { state: 'miss' };
  }

  /** Best effort: a failed fill only costs the next request a PostgreSQL lookup. */
  async fill(key: string, fields: Array<string | number>): Promise<void> {
    try {
      await this.redis.optional((connection) => connection.eval(FILL_SCRIPT, 1, key, fields.join('|'), POSITIVE_TTL_MS));
    } catch {
      // Redis unreachable: the next request falls back to PostgreSQL again.
    }
  }

  /** Rejects when Redis cannot be reached, so the caller can leave the job to the outbox. */
  async markRevoked(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const pipeline = this.redis.connection.pipeline();
    for (const key of keys) pipeline.set(key, REVOKED, 'PX', REVOKED_TTL_MS);
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed || results.length !== keys.length) throw failed?.[0] ?? new Error('Redis pipeline did not run');
  }
}
