import { Client } from 'pg';
import type { Response } from 'supertest';
import { createAccount, createOrganization, signIn, type TestAccount } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { PrivateRedis } from '../support/private-redis.js';
import { TestStack } from '../support/test-stack.js';

/** docs/guarantees.md#when-redis-is-down on a bad day: Redis stopped under load, PostgreSQL connections cut. */
describe('faults', () => {
  describe('Redis stopped and restarted under load', () => {
    let redis: PrivateRedis;
    let stack: TestStack;
    let account: TestAccount;

    beforeAll(async () => {
      redis = await PrivateRedis.start();
      stack = await TestStack.start({ env: { REDIS_URL: redis.url } });
      account = await createAccount(stack, await createOrganization(stack));
    });
    afterAll(async () => {
      await stack?.close();
      await redis?.stop();
    });

    it('keeps signing in and checking tokens from PostgreSQL, queues mail in the outbox, and delivers it when Redis is back', async () => {
      const before = await signIn(stack, account);
      const revoked = await signIn(stack, account);
      await redis.stop();

      const health = await stack.http().get('/health').expect(503);
      expect(health.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('redis') });

      // Load while Redis is down: token checks, sign-ins, a sign-out and a reset request.
      const answers = await Promise.all([
        ...Array.from({ length: 20 }, () => stack.http().get('/v1/me').set('authorization', `Bearer ${before.accessToken}`)),
        ...Array.from({ length: 4 }, () =>
          stack
            .http()
            .post('/v1/auth/sign-in')
            .send({ organization: account.organization, email: account.email, password: account.password }),
        ),
      ]);
      // The right 200s: the account's own view, and sign-ins that issue a token.
      expect(answers.slice(0, 20).map((a) => ({ status: a.status, email: a.body.email }))).toEqual(
        Array(20).fill({ status: 200, email: account.email }),
      );
      expect(answers.slice(20).map((a) => ({ status: a.status, accessToken: typeof a.body.accessToken }))).toEqual(
        Array(4).fill({ status: 200, accessToken: 'string' }),
      );
      await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${revoked.accessToken}`).expect(204);
      await stack.http().get('/v1/me').set('authorization', `Bearer ${revoked.accessToken}`).expect(401);
      await stack.http().post('/v1/password-resets').send({ organization: account.organization, email: account.email }).expect(202);

      await redis.start();
      const [mail] = await stack.mail.waitFor(account.email, 1, 30_000);
      expect(mail.text).toContain('/reset-password#token=');
      // The session ended during the outage stays ended once Redis is trusted again.
      await stack.http().get('/v1/me').set('authorization', `Bearer ${revoked.accessToken}`).expect(401);
      await stack.http().get('/v1/me').set('authorization', `Bearer ${before.accessToken}`).expect(200);
    });
  });

  describe('Redis hung while a session is revoked, then back with its old data', () => {
    let redis: PrivateRedis;
    let stack: TestStack;

    beforeAll(async () => {
      redis = await PrivateRedis.start();
      stack = await TestStack.start({ env: { REDIS_URL: redis.url }, worker: false });
    });
    afterAll(async () => {
      redis?.resume();
      await stack?.close();
      await redis?.stop();
    });

    it('never lets a cache entry written before the outage make the revoked token valid again', async () => {
      const account = await createAccount(stack, await createOrganization(stack));
      const session = await signIn(stack, account);
      await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
      redis.pause();
      try {
        await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
        await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(401);
      } finally {
        redis.resume();
      }
      for (let i = 0; i < 5; i++) {
        await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(401);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });

    it('waits for a hung Redis once, then skips it for a moment: every request is answered, from PostgreSQL', async () => {
      const account = await createAccount(stack, await createOrganization(stack));
      const session = await signIn(stack, account);
      const counter = async (name: string) => {
        const text = (await stack.http().get('/metrics').expect(200)).text;
        return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      };
      const [timeoutsBefore, skippedBefore] = [
        await counter('latchkey_redis_command_timeouts_total'),
        await counter('latchkey_redis_commands_skipped_total'),
      ];
      redis.pause();
      const statuses: number[] = [];
      try {
        for (let i = 0; i < 10; i++)
          statuses.push((await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`)).status);
        // Sign-in's rate limit and unknown-identity count fall back to memory the same way.
        statuses.push(
          (
            await stack
              .http()
              .post('/v1/auth/sign-in')
              .send({ organization: account.organization, email: 'nobody@example.com', password: 'Wrong-Password-1' })
          ).status,
        );
      } finally {
        redis.resume();
      }
      expect(statuses).toEqual([...Array(10).fill(200), 401]);
      const timeouts = (await counter('latchkey_redis_command_timeouts_total')) - timeoutsBefore;
      const skipped = (await counter('latchkey_redis_commands_skipped_total')) - skippedBefore;
      // One timeout per second of freeze at most, not one per command: the other commands were never sent.
      expect(timeouts).toBeGreaterThanOrEqual(1);
      expect(timeouts).toBeLessThanOrEqual(4);
      expect(skipped).toBeGreaterThanOrEqual(9);
      await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
    });
  });

  describe('PostgreSQL connections cut', () => {
    let stack: TestStack;
    let account: TestAccount;

    beforeAll(async () => {
      stack = await TestStack.start({ worker: false });
      account = await createAccount(stack, await createOrganization(stack));
    });
    afterAll(() => stack?.close());

    /** The answer a request may get while connections drop: the right 200, or 503 problem JSON saying to retry; nothing else. */
    function expectRightOrUnavailable(answer: Response, right: (body: Record<string, unknown>) => void): void {
      if (answer.status === 200) return right(answer.body);
      expect({ status: answer.status, type: answer.type, retryAfter: answer.headers['retry-after'], code: answer.body.code }).toEqual({
        status: 503,
        type: 'application/problem+json',
        retryAfter: '1',
        code: 'SERVICE_UNAVAILABLE',
      });
    }

    it('answers a clear 503 or the right answer while connections drop, and recovers without a restart', async () => {
      const { accessToken } = await signIn(stack, account);
      const database = new URL(stack.config.DATABASE_URL).pathname.slice(1);
      const admin = new Client({ connectionString: stack.config.DATABASE_URL.replace(`/${database}`, '/postgres') });
      await admin.connect();
      try {
        const cut = await admin.query<{ terminated: boolean }>(
          'select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1',
          [database],
        );
        // The pool had connections open, and every one of them was cut.
        expect(cut.rows.length).toBeGreaterThan(0);
        expect(cut.rows.every((row) => row.terminated)).toBe(true);
        const during = await Promise.all(
          Array.from({ length: 10 }, () =>
            stack
              .http()
              .post('/v1/auth/sign-in')
              .send({ organization: account.organization, email: account.email, password: account.password }),
          ),
        );
        for (const answer of during) expectRightOrUnavailable(answer, (body) => expect(body.accessToken).toEqual(expect.any(String)));
      } finally {
        await admin.end();
      }
      // Recovered once five checks in a row succeed; every answer on the way is the right one or a clear 503.
      let recovered = 0;
      await eventually(async () => {
        const answer = await stack.http().get('/v1/me').set('authorization', `Bearer ${accessToken}`);
        expectRightOrUnavailable(answer, (body) => expect(body.email).toBe(account.email));
        recovered = answer.status === 200 ? recovered + 1 : 0;
        return recovered === 5;
      }, 'five successful token checks in a row');
    });
  });
});
