import { Redis } from 'ioredis';
import { eventually } from '../../../../../test/support/eventually.js';
import { PrivateRedis } from '../../../../../test/support/private-redis.js';
import { loadConfig } from '../config/app-config.js';
import { QueueRegistry } from './queue-registry.js';

describe('QueueRegistry (real Redis)', () => {
  let redis: PrivateRedis;
  let registry: QueueRegistry;
  let admin: Redis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 0 });
    registry = new QueueRegistry(loadConfig({ REDIS_URL: redis.url, QUEUE_PREFIX: 'queue-registry-test' }));
  });
  afterAll(async () => {
    await registry.onApplicationShutdown();
    admin.disconnect();
    await redis.stop();
  });

  it('replaces a queue whose start failed: jobs are taken again once Redis answers', async () => {
    // Redis holds every client's commands for 3 s: the new queue's start-up INFO times out (the connection fails fast).
    await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
    const failed = registry.get('mail');
    await expect(failed.waitUntilReady()).rejects.toThrow();
    await admin.call('CLIENT', 'UNPAUSE');

    const job = await eventually(
      () =>
        registry
          .get('mail')
          .add('probe', { n: 1 }, { jobId: 'after-failed-start' })
          .catch(() => undefined),
      'a job to be taken after the failed start',
    );
    expect(job.id).toBe('after-failed-start');
    expect(registry.get('mail')).not.toBe(failed);
    expect(await admin.exists('{queue-registry-test}:mail:after-failed-start')).toBe(1);
  });
});
