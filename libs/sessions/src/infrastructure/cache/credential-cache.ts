import { Injectable } from '@nestjs/common';
import { Cluster, type ChainableCommander } from 'ioredis';
import { RedisClient, RedisSkippedError } from '#libs/platform';
import { CacheTrust } from './cache-trust.js';

/** A revoked credential's marker: denies at once, and stops a fill that read PostgreSQL before the revocation. */
const REVOKED = 'x';
/**
 * Written before a revocation commits: "ask PostgreSQL". Stops fills as REVOKED does, but denies
 * nothing by itself, so a transaction that rolls back after writing it costs only lookups in PostgreSQL.
 */
const PENDING = 'p';
const POSITIVE_TTL_MS = 5 * 60_000;
/** Longer than any request that read PostgreSQL before a revocation could still take to write its fill. */
const MARKER_TTL_MS = 15 * 60_000;
/** How long an expiry waits for the replicas of Redis to hold its markers before it answers 503 (within the 500 ms command timeout). */
const REPLICA_ACK_TIMEOUT_MS = 300;

/** Writes `value|<trust token>` unless the key holds a marker or no trust token exists. */
const FILL_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == '${REVOKED}' or current == '${PENDING}' then return 0 end
local trust = redis.call('GET', KEYS[2])
if not trust then return 0 end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. trust, 'PX', ARGV[2])
return 1`;

/** Marks every key pending, never downgrading a REVOKED marker. */
const PENDING_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) ~= '${REVOKED}' then redis.call('SET', key, '${PENDING}', 'PX', ARGV[1]) end
end
return #KEYS`;

export type CacheLookup =
  | { state: 'revoked' }
  /** Fields written by a fill, minus the trust token; only entries written under the current token. */
  | { state: 'hit'; fields: string[] }
  /** Absent, pending, untrusted, or Redis unreachable: ask PostgreSQL. */
  | { state: 'miss' };

/** The revocation could not be made visible to every instance: nothing may be committed. */
export class RevocationNotPublishedError extends Error {}

/**
 * The guard's fast path. Positive entries are written after PostgreSQL said yes; revocations mark
 * their credentials before they commit (expiries: a condition of their 204) and deny them after.
 * An entry is believed only under the current trust token (see CacheTrust).
 */
@Injectable()
export class CredentialCache {
  constructor(
    private readonly redis: RedisClient,
    private readonly trust: CacheTrust,
  ) {}

  sessionKey(sessionId: string): string {
    return this.redis.key('session', sessionId);
  }

  apiTokenKey(secretHash: string): string {
    return this.redis.key('api-token', secretHash);
  }

  async lookup(key: string): Promise<CacheLookup> {
    if (!this.trust.isTrusting) return { state: 'miss' };
    let values: Array<string | null>;
    try {
      values = await this.redis.optional((connection) => connection.mget(key, this.trust.key));
    } catch (error) {
      if (!(error instanceof RedisSkippedError)) this.trust.lost();
      return { state: 'miss' };
    }
    const [value, token] = values;
    if (value === null || value === PENDING) return { state: 'miss' };
    if (value === REVOKED) return { state: 'revoked' };
    const fields = value.split('|');
    const writtenUnder = fields.pop();
    return token !== null && writtenUnder === token && this.trust.isTrusting ? { state: 'hit', fields } : { state: 'miss' };
  }

  /**
   * Best effort: a failed fill only costs the next request a PostgreSQL lookup. Not even tried while the
   * connection is down: then every token check comes from PostgreSQL, and a command refused by the
   * client (an error built, a promise rejected) was a twentieth of such a check's CPU.
   */
  async fill(key: string, fields: Array<string | number>): Promise<void> {
    if (!this.redis.isReady) return;
    try {
      await this.redis.optional((connection) => connection.eval(FILL_SCRIPT, 2, key, this.trust.key, fields.join('|'), POSITIVE_TTL_MS));
    } catch {
      // Redis unreachable: the next request falls back to PostgreSQL again.
    }
  }

  /**
   * Before a revocation commits: every key marked pending on the master and on each of its replicas
   * (WAIT), so neither this instance's nor any other's cache vouches for the credentials from here
   * on, and a failover cannot bring an older entry back. Rejects with RevocationNotPublishedError
   * when that cannot be had (Redis unreachable from here, a replica not acknowledging in time).
   */
  async markPending(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      const [, role] = await this.pipeline((p) => p.eval(PENDING_SCRIPT, keys.length, ...keys, MARKER_TTL_MS).role());
      const replicas = Array.isArray(role) && Array.isArray(role[2]) ? role[2].length : 0;
      if (replicas === 0) return;
      // The same node and connection as the marks (a pipeline goes where its first key lives): WAIT counts them.
      const [, acknowledged] = await this.pipeline((p) => p.exists(keys[0]).wait(replicas, REPLICA_ACK_TIMEOUT_MS));
      if (Number(acknowledged) < replicas) throw new Error(`${acknowledged} of ${replicas} Redis replicas acknowledged`);
    } catch (error) {
      throw new RevocationNotPublishedError(`revocation markers not published: ${(error as Error).message}`);
    }
  }

  /**
   * Runs a pipeline and returns its replies, or throws its first error. In a cluster a pipeline does
   * not follow a MOVED redirect (after a failover) by itself: the slot table is refreshed and the
   * pipeline sent once more.
   */
  private async pipeline(build: (pipeline: ChainableCommander) => ChainableCommander): Promise<unknown[]> {
    const connection = this.redis.connection;
    for (let attempt = 0; ; attempt++) {
      const results = (await build(connection.pipeline()).exec()) ?? [];
      const failed = results.find(([error]) => error)?.[0];
      if (!failed && results.length > 0) return results.map(([, reply]) => reply);
      if (attempt > 0 || !(connection instanceof Cluster) || !/^(MOVED|ASK|CLUSTERDOWN)/.test(failed?.message ?? ''))
        throw failed ?? new Error('Redis pipeline did not run');
      await new Promise<void>((resolve, reject) => connection.refreshSlotsCache((error) => (error ? reject(error) : resolve())));
    }
  }

  /** After a revocation committed: deny at once. Rejects when Redis cannot be reached, so the caller can leave the job to the outbox. */
  async markRevoked(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.pipeline((pipeline) => {
      for (const key of keys) pipeline.set(key, REVOKED, 'PX', MARKER_TTL_MS);
      return pipeline;
    });
  }
}
