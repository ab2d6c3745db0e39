import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { createTestDatabase } from '../../../../../test/support/test-database.js';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import { databaseOptions } from '../persistence/database-options.js';
import { QueueRegistry } from '../queue/queue-registry.js';
import { erasePayloadFields, OutboxSecrets } from './outbox-secrets.js';

const QUEUE = 'secrets-test';

describe('OutboxSecrets (real PostgreSQL and Redis)', () => {
  let config: AppConfig;
  let orm: MikroORM;
  let queues: QueueRegistry;
  let secrets: OutboxSecrets;

  beforeAll(async () => {
    config = loadConfig({
      DATABASE_URL: await createTestDatabase(),
      QUEUE_PREFIX: `lkt-${randomBytes(5).toString('hex')}`,
      LOG_LEVEL: 'silent',
    });
    orm = await MikroORM.init(databaseOptions(config));
    queues = new QueueRegistry(config);
    secrets = new OutboxSecrets(orm, queues);
  });
  afterAll(async () => {
    await queues.get(QUEUE).obliterate({ force: true });
    await queues.onApplicationShutdown();
    await orm.close();
  });

  /** A row and its job, as the relay leaves them. */
  async function relayed(payload: Record<string, unknown>, id = randomUUID()): Promise<string> {
    await orm.em
      .fork()
      .execute(`insert into outbox (id, queue, name, payload, sent_at) values (?, ?, 'job', ?, now())`, [
        id,
        QUEUE,
        JSON.stringify(payload),
      ]);
    await queues.get(QUEUE).add('job', payload, { jobId: id, delay: 3_600_000 });
    return id;
  }
  const row = async (id: string) =>
    (await orm.em.fork().execute<{ payload: unknown }[]>('select payload from outbox where id = ?', [id]))[0].payload;
  const job = async (id: string) => (await queues.get(QUEUE).getJob(id))?.data;

  it('erases the fields from the row and the job alike, and keeps the rest', async () => {
    const payload = { to: 'ada@example.com', link: 'http://localhost/reset-password#token=s3cret', expiresAt: '2026-11-26T03:35:00.000Z' };
    const id = await relayed(payload);
    await secrets.erase(QUEUE, id, ['link']);
    const erased = { to: 'ada@example.com', expiresAt: '2026-11-26T03:35:00.000Z', erased: ['link'] };
    expect(erasePayloadFields(payload, ['link'])).toEqual(erased);
    expect(await row(id)).toEqual(erased);
    expect(await job(id)).toEqual(erased);
  });

  it('changes nothing the second time, nor where there is nothing to erase', async () => {
    const id = await relayed({ to: 'ada@example.com', link: 'http://localhost/reset-password#token=s3cret' });
    await secrets.erase(QUEUE, id, ['link']);
    const [before] = await orm.em.fork().execute<{ xmin: string }[]>('select xmin::text from outbox where id = ?', [id]);
    await secrets.erase(QUEUE, id, ['link']);
    const [after] = await orm.em.fork().execute<{ xmin: string }[]>('select xmin::text from outbox where id = ?', [id]);
    expect(after.xmin).toBe(before.xmin);

    const plain = { to: 'ada@example.com', sessionsExpired: true };
    const other = await relayed(plain);
    await secrets.erase(QUEUE, other, ['link']);
    expect([await row(other), await job(other)]).toEqual([plain, plain]);
  });

  it('erases the row of a job Redis no longer holds, and the job of a row-less id', async () => {
    const id = await relayed({ link: 'http://localhost/reset-password#token=gone' });
    await queues.get(QUEUE).remove(id);
    await secrets.erase(QUEUE, id, ['link']);
    expect(await row(id)).toEqual({ erased: ['link'] });

    await queues.get(QUEUE).add('job', { link: 'x' }, { jobId: 'not-a-row', delay: 3_600_000 });
    await secrets.erase(QUEUE, 'not-a-row', ['link']);
    expect(await job('not-a-row')).toEqual({ erased: ['link'] });
  });

  it('leaves no trace of the erased value in Redis', async () => {
    const id = await relayed({ link: 'http://localhost/reset-password#token=needle-in-redis' });
    await secrets.erase(QUEUE, id, ['link']);
    const redis = new Redis(config.REDIS_URL);
    try {
      const keys = await redis.keys(`${config.redisPrefix}:${QUEUE}:*`);
      const values = await Promise.all(
        keys.map(async (key) => ((await redis.type(key)) === 'hash' ? JSON.stringify(await redis.hgetall(key)) : '')),
      );
      expect(values.join('\n')).not.toContain('needle-in-redis');
    } finally {
      redis.disconnect();
    }
  });
});
