import { EntityManager } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { PrivateRedis } from '../support/private-redis.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { commitMailJob, linkJob } from './mail-outbox.js';

describe('mail while Redis is down', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await TestStack.start({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    try {
      await stack.close();
    } finally {
      await redis.stop();
    }
  });

  it('keeps an e-mail committed during the outage and delivers it once Redis is back', async () => {
    await redis.stop();
    const payload = linkJob('outage@example.com');
    const id = await commitMailJob(stack.api, 'password-reset', payload);
    // The relay tries twice with Redis down, and records each failure: the row stays in the outbox, unsent.
    const row = await eventually(async () => {
      const [found] = await stack.api
        .get(EntityManager)
        .fork()
        .execute<{ sent_at: string | null; attempts: number; last_error: string | null }[]>(
          'select sent_at, attempts, last_error from outbox where id = ?',
          [id],
        );
      return found.attempts >= 2 ? found : undefined;
    }, 'two failed relay attempts');
    expect(row.sent_at).toBeNull();
    expect(row.last_error).toEqual(expect.any(String));
    expect(stack.mail.to('outage@example.com')).toHaveLength(0);

    await redis.start();
    const [mail] = await stack.mail.waitFor('outage@example.com', 1, 30_000);
    expect(mail.subject).toBe('Reset your Acme Corp password');
    expect(mail.text).toContain(payload.link);
    expect(stack.mail.to('outage@example.com')).toHaveLength(1);
  });

  it('relays a row put off by a refused enqueue as soon as Redis takes a job again, not at its backoff time', async () => {
    // Redis refuses writes but keeps its connections: the relay's connection never reconnects, so no "ready" tells it Redis is back.
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 0 });
    const outbox = () => stack.api.get(EntityManager).fork();
    try {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      await admin.config('SET', 'maxmemory', '1');
      const heldBack = await commitMailJob(stack.api, 'password-reset', linkJob('held-back@example.com'));
      await eventually(async () => {
        const [row] = await outbox().execute<{ attempts: number; sent_at: string | null }[]>(
          'select attempts, sent_at from outbox where id = ?',
          [heldBack],
        );
        return row.attempts >= 1 && row.sent_at === null;
      }, 'the relay to record a refused enqueue');
      // As after many refusals: the row's next try is ten minutes away.
      await outbox().execute(`update outbox set available_at = now() + interval '10 minutes' where id = ?`, [heldBack]);
      await admin.config('SET', 'maxmemory', '0');

      await commitMailJob(stack.api, 'password-reset', linkJob('next@example.com'));
      await stack.mail.waitFor('next@example.com', 1, 15_000);
      const [mail] = await stack.mail.waitFor('held-back@example.com', 1, 15_000);
      expect(mail.subject).toBe('Reset your Acme Corp password');
      expect(stack.mail.to('held-back@example.com')).toHaveLength(1);
    } finally {
      await admin.config('SET', 'maxmemory', '0').catch(() => undefined);
      admin.disconnect();
    }
  });
});
