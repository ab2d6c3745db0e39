import { randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Cluster, type Redis } from 'ioredis';
import { CONNECTION_LOST_EVENTS, RedisClient } from '#libs/platform';

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
  private closed = false;
  /** Cluster mode: the installation's slot, and the node that served it when the token was last renewed. */
  private slot: number | null = null;
  private trustedMaster?: string;

  constructor(private readonly redis: RedisClient) {
    this.key = redis.key('cache-trust');
    const connection = redis.connection;
    connection.on('ready', () => this.renew());
    for (const event of CONNECTION_LOST_EVENTS) connection.on(event, () => this.lost());
    if (connection instanceof Cluster) this.followNodes(connection);
    if (redis.isReady) this.renew();
  }

  /**
   * True once this instance has renewed the token since it last lost sight of Redis — and, in a
   * cluster, while the slot is still served by the master that took the renewal. Read it after a
   * reply: a MOVED redirect (a failover whose old master's connections stay open) has already
   * updated the slot table by then, so an entry the new master kept from before is not believed.
   */
  get isTrusting(): boolean {
    if (this.trusting && this.slot !== null && this.slotMaster() !== this.trustedMaster) this.lost();
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
    // A failover moves the slot to another master without any event of the cluster client's own.
    cluster.on('refresh', () => void this.isTrusting);
  }

  private slotMaster(): string | undefined {
    const connection = this.redis.connection;
    return connection instanceof Cluster && this.slot !== null ? connection.slots[this.slot]?.[0] : undefined;
  }

  private async write(): Promise<void> {
    const connection = this.redis.connection;
    if (connection instanceof Cluster && this.slot === null) this.slot = Number(await connection.cluster('KEYSLOT', this.key));
    await connection.set(this.key, randomBytes(12).toString('base64url'));
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
    this.write().then(
      () => {
        this.renewing = false;
        if (generation !== this.generation) return this.scheduleRenew();
        this.trustedMaster = this.slotMaster();
        this.trusting = true;
      },
      () => {
        this.renewing = false;
        this.scheduleRenew();
      },
    );
  }
}
