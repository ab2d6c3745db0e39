import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { RedisClient } from '../redis/redis-client.js';
import { Cluster, Redis } from 'ioredis';
import { CONNECTION_LOST_EVENTS, createRedisConnection, redisOptions, type RedisConnection } from '../redis/redis-connection.js';

/** Called with the key to forget, or with null: forget everything (messages may have been missed). */
export type InvalidationListener = (key: string | null) => void;

const SEPARATOR = '\n';
/** In a cluster, how long to wait before subscribing on the next node after one went away. */
const NEXT_NODE_DELAY_MS = 500;

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
  private nodeIndex = 0;

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

  /** True once something listens (a local cache): the worker never does. */
  get isInUse(): boolean {
    return this.listeners.size > 0;
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
    const subscriber = this.config.REDIS_CLUSTER_NODES ? this.nodeSubscriber() : createRedisConnection(this.config, 'subscriber');
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => this.received(channel, message));
    subscriber.on('ready', () => this.subscribe(subscriber));
    for (const event of CONNECTION_LOST_EVENTS) subscriber.on(event, () => this.lost());
  }

  /**
   * In a Redis Cluster a PUBLISH on any node reaches the subscribers of every node, so the channel
   * subscribes on one node itself. (ioredis' cluster subscriber moves to another node when its node
   * goes away without reporting anything: the messages published meanwhile would be lost unnoticed.)
   * When that node's connection ends, the channel counts as lost and moves on to the next node the
   * cluster knows.
   */
  private nodeSubscriber(): Redis {
    const nodes = this.clusterNodes();
    const { host, port } = nodes[this.nodeIndex++ % nodes.length];
    const subscriber = new Redis({ ...redisOptions('subscriber'), host, port, retryStrategy: () => null });
    subscriber.once('end', () => {
      if (this.subscriber !== subscriber) return;
      this.subscriber = null;
      this.lost();
      setTimeout(() => this.connect(), NEXT_NODE_DELAY_MS).unref();
    });
    return subscriber;
  }

  private clusterNodes(): Array<{ host: string; port: number }> {
    const connection = this.redis.connection;
    const known =
      connection instanceof Cluster
        ? connection.nodes().map((node) => ({ host: node.options.host ?? '127.0.0.1', port: node.options.port ?? 6379 }))
        : [];
    if (known.length > 0) return known;
    return (this.config.REDIS_CLUSTER_NODES ?? '').split(',').map((node) => {
      const [host, port] = node.split(':');
      return { host, port: Number(port) };
    });
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
