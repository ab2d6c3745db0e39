import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { RedisClient } from '../redis/redis-client.js';
import { CONNECTION_LOST_EVENTS, createRedisConnection, type RedisConnection } from '../redis/redis-connection.js';

/** Called with the key to forget, or with null: forget everything (messages may have been missed). */
export type InvalidationListener = (key: string | null) => void;

const SEPARATOR = '\n';

/**
 * Tells every instance of the API that a cached value changed, over one Redis pub/sub channel of
 * the installation. An instance trusts its local caches only while it is subscribed: when its
 * subscription drops, or comes back, it forgets everything, because messages published meanwhile
 * never reached it. The subscriber connection opens on the first `listen`, so processes without
 * a local cache (the worker) never open it.
 */
@Injectable()
export class InvalidationChannel implements OnApplicationShutdown {
  private readonly logger = new Logger(InvalidationChannel.name);
  private readonly channel: string;
  private readonly listeners = new Map<string, InvalidationListener>();
  private subscriber: RedisConnection | null = null;
  private subscribed = false;
  private closed = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    this.channel = redis.key('invalidate');
  }

  /** True while invalidations are being received: only then may a local cache answer. */
  get isListening(): boolean {
    return this.subscribed;
  }

  listen(namespace: string, listener: InvalidationListener): void {
    if (namespace.includes(SEPARATOR)) throw new Error(`invalid cache namespace: ${namespace}`);
    this.listeners.set(namespace, listener);
    this.connect();
  }

  /**
   * Call after the change has committed. Best effort: if Redis cannot be reached, other instances
   * keep the old value until it expires (their caches' TTL), and the failure is logged.
   */
  async publish(namespace: string, key: string): Promise<void> {
    try {
      await this.redis.connection.publish(this.channel, `${namespace}${SEPARATOR}${key}`);
    } catch (error) {
      this.logger.warn(`Cache invalidation for ${namespace} not broadcast (${(error as Error).message}); other instances expire it by TTL`);
    }
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.lost();
    this.subscriber?.disconnect();
  }

  private connect(): void {
    if (this.subscriber || this.closed) return;
    const subscriber = createRedisConnection(this.config, 'subscriber');
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => this.received(channel, message));
    subscriber.on('ready', () => this.subscribe(subscriber));
    for (const event of CONNECTION_LOST_EVENTS) subscriber.on(event, () => this.lost());
  }

  private subscribe(subscriber: RedisConnection): void {
    subscriber.subscribe(this.channel).then(
      () => {
        if (subscriber.status !== 'ready' || this.closed) return;
        this.forgetEverything();
        this.subscribed = true;
      },
      (error: Error) => this.logger.warn(`Cache invalidation channel not subscribed (${error.message}); local caches stay off`),
    );
  }

  private lost(): void {
    if (this.subscribed) this.logger.warn('Cache invalidation channel lost; local caches stay off until it is back');
    this.subscribed = false;
    this.forgetEverything();
  }

  private forgetEverything(): void {
    for (const listener of this.listeners.values()) listener(null);
  }

  private received(channel: string, message: string): void {
    if (channel !== this.channel) return;
    const at = message.indexOf(SEPARATOR);
    if (at < 0) return;
    this.listeners.get(message.slice(0, at))?.(message.slice(at + 1));
  }
}
