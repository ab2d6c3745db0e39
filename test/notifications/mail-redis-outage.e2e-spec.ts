import { EntityManager } from '@mikro-orm/postgresql';
import { PrivateRedis } from '../support/private-redis.js';
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
    // A few relay polls go by with Redis down: the row stays in the outbox, unsent.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [row] = await stack.api.get(EntityManager).fork().execute<{ sent_at: string | null }[]>('select sent_at from outbox where id = ?', [id]);
    expect(row.sent_at).toBeNull();
    expect(stack.mail.to('outage@example.com')).toHaveLength(0);

    await redis.start();
    const [mail] = await stack.mail.waitFor('outage@example.com', 1, 30_000);
    expect(mail.subject).toBe('Reset your Acme Corp password');
    expect(mail.text).toContain(payload.link);
    expect(stack.mail.to('outage@example.com')).toHaveLength(1);
  });
});
