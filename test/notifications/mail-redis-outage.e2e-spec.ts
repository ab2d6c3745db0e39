import { EntityManager } from '@mikro-orm/postgresql';
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
});
