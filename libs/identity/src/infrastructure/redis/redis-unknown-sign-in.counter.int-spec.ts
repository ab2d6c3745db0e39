import { loadConfig, RedisClient } from '#libs/shared-kernel';
import { PrivateRedis } from '../../../../../test/support/private-redis.js';
import { RedisUnknownSignInCounter } from './redis-unknown-sign-in.counter.js';

describe('RedisUnknownSignInCounter', () => {
  let redis: PrivateRedis;
  let client: RedisClient;
  let counter: RedisUnknownSignInCounter;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    client = new RedisClient(loadConfig({ REDIS_URL: redis.url, QUEUE_PREFIX: 'counter-test' }));
    counter = new RedisUnknownSignInCounter(client);
    while (!client.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => client.onApplicationShutdown());

  it('counts per identity under the installation prefix, with an expiry, without storing the e-mail', async () => {
    expect([await counter.increment('acme', 'x@example.com'), await counter.increment('acme', 'x@example.com'), await counter.increment('acme', 'y@example.com')]).toEqual([1, 2, 1]);
    const keys = await client.connection.keys('*');
    expect(keys).toHaveLength(2);
    expect(keys.every((key) => key.startsWith('{counter-test}:identity:unknown-sign-in:') && !key.includes('example'))).toBe(true);
    expect(await client.connection.ttl(keys[0])).toBeGreaterThan(23 * 3600);
  });

  // Last: the server does not come back.
  it('keeps counting in memory while Redis is down', async () => {
    await redis.stop();
    const counts = [];
    for (let i = 0; i < 5; i++) counts.push(await counter.increment('acme', 'z@example.com'));
    expect(counts).toEqual([1, 2, 3, 4, 5]);
  });
});
