import { randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Cluster, type Redis } from 'ioredis';
import { CONNECTION_LOST_EVENTS, RedisClient } from '#libs/shared-kernel';

const RENEW_RETRY_MS = 500;

/**
 * Whether this instance may believe a positive cache entry now, and which ones.
 *
 * Every positive entry carries the installation's trust token current when it was written (a random
 * value at `{prefix}:cache-trust`). After this instance loses sight of Redis in any way — its
 * connection closes or reconnects, a cluster node it talks to goes away, the master serving the
 * installation's slot changes (a failover), a command times out — it believes nothing until it has
 * written a new token itself. That one write makes every entry written before it, by any instance,
 * worthless: a marker this instance failed to write meanwhile, or one a failed-over master took with
 * it, can no longer be stood in for by a stale "valid" entry. No clocks are compared, so neither clock
 * skew between nodes nor which node answered a TIME matters (docs/sessions.md).
 */
@Injectable()
export class CacheTrust implements OnApplicationShutdown {
  readonly key: string;
  private trusting = false;
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private renewing = false;
  private masters?: string;
  private closed = false;

  constructor(private readonly redis: RedisClient) {
    this.key = redis.key('cache-trust');
    const connection = redis.connection;
    connection.on('ready', () => this.renew());
    for (const event of CONNECTION_LOST_EVENTS) connection.on(event, () => this.lost());
    if (connection instanceof Cluster) this.followNodes(connection);
    if (redis.isReady) this.renew();
  }

  /** True once this instance has renewed the token since it last lost sight of Redis. */
  get isTrusting(): boolean {
    return this.trusting;
  }

  /** Anything that may have hidden a lost write: distrust until a new token is written. */
  lost(): void {
    this.generation++;
    this.trusting = false;
    this.scheduleRenew();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private followNodes(cluster: Cluster): void {
    cluster.on('+node', (node: Redis) => {
      for (const event of ['close', 'end', 'reconnecting'] as const) node.on(event, () => this.lost());
    });
    cluster.on('-node', () => this.lost());
    // A failover promotes a replica without any event of the cluster client's own: a changed set of
    // masters after a slot refresh counts as a loss (a resharding too, which costs only a cold cache).
    cluster.on('refresh', () => {
      const masters = cluster
        .nodes('master')
        .map((node) => `${node.options.host}:${node.options.port}`)
        .sort()
        .join(',');
      if (this.masters !== undefined && masters !== this.masters) this.lost();
      this.masters = masters;
    });
  }

  private scheduleRenew(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.renew();
    }, RENEW_RETRY_MS);
    this.timer.unref();
  }

  private renew(): void {
    if (this.renewing || this.closed) return;
    this.renewing = true;
    const generation = this.generation;
    this.redis.connection.set(this.key, randomBytes(12).toString('base64url')).then(
      () => {
        this.renewing = false;
        if (generation === this.generation) this.trusting = true;
        else this.scheduleRenew();
      },
      () => {
        this.renewing = false;
        this.scheduleRenew();
      },
    );
  }
}
