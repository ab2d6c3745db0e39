import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

export type RedisConnection = Redis | Cluster;

/** The events after which a connection's earlier state (what it cached, what it subscribed to) cannot be trusted. */
export const CONNECTION_LOST_EVENTS = ['close', 'end', 'reconnecting', 'error'] as const;

/**
 * `command`: the API's own reads and writes — fail fast (no offline queue, short timeout) so a
 * Redis outage falls back to PostgreSQL or memory instead of hanging a request (docs/guarantees.md#when-redis-is-down).
 * `queue`: BullMQ producers, likewise fail fast; the outbox keeps what could not be sent.
 * `worker`: BullMQ workers, which must wait for Redis indefinitely (BullMQ requires it).
 * `subscriber`: cache invalidations; reconnects forever, and the owner subscribes again itself on
 * every `ready` (knowing that messages published meanwhile were lost).
 */
export type RedisRole = 'command' | 'queue' | 'worker' | 'subscriber';

export function redisOptions(role: RedisRole): RedisOptions {
  const base: RedisOptions = {
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  };
  if (role === 'worker') return { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
  if (role === 'subscriber') return { ...base, maxRetriesPerRequest: 0, enableOfflineQueue: false, autoResubscribe: false };
  // No auto-pipelining: it builds a pipeline object for every command, and on the token-check path
  // (one GET per request) it batched nothing — measured side by side, 8 and 64 connections alike,
  // a GET /v1/me cost ~10 % more CPU with it.
  return { ...base, maxRetriesPerRequest: 0, enableOfflineQueue: false, commandTimeout: 500 };
}

export function createRedisConnection(config: AppConfig, role: RedisRole): RedisConnection {
  const options = redisOptions(role);
  const connection = config.REDIS_CLUSTER_NODES
    ? new Cluster(
        config.REDIS_CLUSTER_NODES.split(',').map((node) => {
          const [host, port] = node.split(':');
          return { host, port: Number(port) };
        }),
        { redisOptions: options, enableOfflineQueue: options.enableOfflineQueue },
      )
    : new Redis(config.REDIS_URL, options);
  // Without a listener ioredis reports every failed reconnect as an unhandled error.
  connection.on('error', () => undefined);
  return connection;
}

/** Every key of one installation shares the `{QUEUE_PREFIX}` hash tag (docs/scaling.md). */
export function redisKey(config: AppConfig, ...parts: string[]): string {
  // Concatenated rather than joined from a spread array: a token check builds one on every request.
  let key = config.redisPrefix;
  for (const part of parts) key += `:${part}`;
  return key;
}
