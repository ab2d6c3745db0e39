import { eventually } from '../../../../../test/support/eventually.js';
import { Cluster, Redis } from 'ioredis';
import { PrivateRedis } from '../../../../../test/support/private-redis.js';
import { PrivateRedisCluster } from '../../../../../test/support/private-redis-cluster.js';
import { loadConfig } from '../config/app-config.js';
import { RedisClient } from '../redis/redis-client.js';
import { InvalidationChannel } from './invalidation-channel.js';
import { ReadThroughCache } from './read-through-cache.js';

const until = (condition: () => boolean, what: string) => eventually(condition, what, 10_000);

/** One API instance's share: its Redis connection, its channel and a cache on it. */
function instance(url?: string, clusterNodes?: string) {
  const config = loadConfig({
    ...(url ? { REDIS_URL: url } : {}),
    ...(clusterNodes ? { REDIS_CLUSTER_NODES: clusterNodes } : {}),
    QUEUE_PREFIX: 'invalidation-test',
  });
  const client = new RedisClient(config);
  const channel = new InvalidationChannel(client, config);
  const cache = new ReadThroughCache<string>(channel, 'view', { ttlMs: 60_000, maxEntries: 100 });
  return { client, channel, cache, close: () => (channel.onApplicationShutdown(), client.onApplicationShutdown()) };
}

describe('InvalidationChannel (real Redis, two instances)', () => {
  let redis: PrivateRedis;
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  let rows: Record<string, string>;
  const read = (key: string) => async () => rows[key] ?? null;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    a = instance(redis.url);
    b = instance(redis.url);
    await until(() => a.channel.isListening && b.channel.isListening && a.client.isReady, 'both instances to subscribe');
  });
  afterAll(async () => {
    a.close();
    b.close();
    await redis.stop();
  });
  beforeEach(() => (rows = { x: 'old' }));

  it('drops the value on the other instance once a change is invalidated', async () => {
    expect(await b.cache.get('x', read('x'))).toBe('old');
    rows.x = 'new';
    expect(await b.cache.get('x', read('x'))).toBe('old'); // cached: the source is not read again
    await a.cache.invalidate('x');
    await until(() => b.cache.size === 0, 'the invalidation to reach b');
    expect(await b.cache.get('x', read('x'))).toBe('new');
  });

  it('publishes on the installation channel only', async () => {
    const spy = await b.client.connection.pubsub('CHANNELS', '*');
    expect(spy).toEqual(['{invalidation-test}:invalidate']);
  });

  // Last: stops and restarts the server.
  it('forgets everything and stops caching while the subscription is down, and caches again once it is back', async () => {
    await b.cache.invalidate('x');
    expect(await b.cache.get('x', read('x'))).toBe('old');
    await redis.stop();
    await until(() => !b.channel.isListening, 'b to notice');
    // Meanwhile a change commits elsewhere; its invalidation cannot reach b.
    rows.x = 'changed during the outage';
    expect(await b.cache.get('x', read('x'))).toBe('changed during the outage');
    rows.x = 'read again';
    expect(await b.cache.get('x', read('x'))).toBe('read again');
    expect(b.cache.size).toBe(0);
    await redis.start();
    await until(() => b.channel.isListening, 'b to subscribe again');
    expect(await b.cache.get('x', read('x'))).toBe('read again');
    expect(b.cache.size).toBe(1);
  });
});

describe('InvalidationChannel on a Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let b: ReturnType<typeof instance>;
  let publisher: Cluster;
  const channelName = '{invalidation-test}:invalidate';

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start();
    b = instance(undefined, cluster.nodes);
    publisher = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    await until(() => b.channel.isListening && b.client.isReady, 'b to subscribe');
  });
  afterAll(async () => {
    b.close();
    publisher.disconnect();
    await cluster.stop();
  });

  /** The node b's subscription lives on, as the nodes themselves report it. */
  async function subscribedNode(): Promise<number> {
    for (const port of cluster.runningPorts) {
      const node = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0 });
      try {
        const [, count] = (await node.call('PUBSUB', 'NUMSUB', channelName)) as [string, number];
        if (Number(count) > 0) return port;
      } finally {
        node.disconnect();
      }
    }
    throw new Error('no node has a subscriber');
  }

  it('counts as lost when the node it subscribed on goes away, then subscribes on another and receives again', async () => {
    const rows: Record<string, string> = { x: 'old' };
    const forgot: string[] = [];
    b.channel.listen('probe', (key) => key === null && forgot.push('everything'));
    expect(await b.cache.get('x', async () => rows.x)).toBe('old');
    const node = await subscribedNode();

    forgot.length = 0;
    await cluster.killMaster(node);
    // Whatever was published meanwhile never reached b: it must have forgotten everything, and said it was not listening.
    await until(() => forgot.length > 0 && b.cache.size === 0, 'b to forget everything');
    rows.x = 'changed while b moved';
    await until(() => b.channel.isListening, 'b to subscribe on another node');
    expect(await subscribedNode()).not.toBe(node);
    expect(await b.cache.get('x', async () => rows.x)).toBe('changed while b moved');
    await publisher.publish(channelName, `view\nx`);
    await until(() => b.cache.size === 0, 'an invalidation published on the cluster to reach b');
  });
});
