import { performance } from 'node:perf_hooks';
import { createAccount, createOrganization, signIn, strongPassword, type TestAccount } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';

/**
 * docs/guarantees.md#expire-sign-in-sessions-and-tokens, the heart of the product: after the 204 of a change with "Expire sign-in session and
 * tokens", not one request with an old credential succeeds, on any API instance — while the
 * worker that cleans up is stopped.
 */
interface Sample {
  bearer: number;
  sentAt: number;
  answeredAt: number;
  status: number;
}

describe('change password with expireSessionsAndTokens, two API instances', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi();
  });
  afterAll(() => stack?.close());

  async function credentials(account: TestAccount) {
    const sessions = [await signIn(stack, account, 0), await signIn(stack, account, 1), await signIn(stack, account, 1)];
    const apiTokens: string[] = [];
    for (const name of ['ci', 'deploy']) {
      const created = await stack
        .http(1)
        .post('/v1/me/api-tokens')
        .set('authorization', `Bearer ${sessions[1].accessToken}`)
        .send({ name })
        .expect(201);
      apiTokens.push(created.body.token);
    }
    return { sessions, apiTokens };
  }

  it('refuses every old session, refresh token and API token on instance B from the moment A answers 204', async () => {
    const account = await createAccount(stack, await createOrganization(stack));
    const { sessions, apiTokens } = await credentials(account);
    const bearers = [...sessions.map((s) => s.accessToken), ...apiTokens];
    const samples: Sample[] = [];
    let hammering = true;
    const hammer = async (bearer: number) => {
      while (hammering) {
        const sentAt = performance.now();
        const { status } = await stack.http(1).get('/v1/me').set('authorization', `Bearer ${bearers[bearer]}`);
        samples.push({ bearer, sentAt, answeredAt: performance.now(), status });
      }
    };
    /** True once every credential has been answered at least `times` times for requests sent after `since`. */
    const everyCredentialAnswered = (times: number, since: number) =>
      bearers.every((_, bearer) => samples.filter((s) => s.bearer === bearer && s.sentAt > since).length >= times);
    const workers = bearers.flatMap((_, bearer) => [hammer(bearer), hammer(bearer)]);
    try {
      await eventually(() => everyCredentialAnswered(3, 0), 'three answers for every credential before the change');

      const change = { currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true };
      const changeSentAt = performance.now();
      await stack.http(0).post('/v1/me/password').set('authorization', `Bearer ${sessions[0].accessToken}`).send(change).expect(204);
      const answeredAt = performance.now();
      await eventually(() => everyCredentialAnswered(5, answeredAt), 'five answers for every credential to requests sent after the 204');
      hammering = false;
      await Promise.all(workers);

      // Every credential worked until the change was sent.
      const before = samples.filter((s) => s.answeredAt < changeSentAt);
      expect(bearers.map((_, bearer) => before.filter((s) => s.bearer === bearer && s.status === 200).length >= 3)).toEqual(
        bearers.map(() => true),
      );
      expect(before.filter((s) => s.status !== 200)).toEqual([]);
      // The hammering overlapped the change: a request was on its way when the 204 came back.
      expect(samples.some((s) => s.sentAt < answeredAt && s.answeredAt > answeredAt)).toBe(true);
      // From the 204 on, every credential was refused each time it was tried (at least five times each).
      const after = samples.filter((s) => s.sentAt > answeredAt);
      expect(bearers.map((_, bearer) => after.filter((s) => s.bearer === bearer).length >= 5)).toEqual(bearers.map(() => true));
      expect(after.filter((s) => s.status !== 401)).toEqual([]);

      for (const session of sessions) {
        await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      }
      const renewed = await signIn(stack, { ...account, password: change.newPassword }, 1);
      await stack.http(0).get('/v1/me').set('authorization', `Bearer ${renewed.accessToken}`).expect(200);
    } finally {
      hammering = false;
      await Promise.allSettled(workers);
    }
  });

  it('without the option ends only the current session: other sessions and API tokens keep working', async () => {
    const account = await createAccount(stack, await createOrganization(stack));
    const { sessions, apiTokens } = await credentials(account);
    const change = { currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: false };
    await stack.http(0).post('/v1/me/password').set('authorization', `Bearer ${sessions[0].accessToken}`).send(change).expect(204);

    await stack.http(1).get('/v1/me').set('authorization', `Bearer ${sessions[0].accessToken}`).expect(401);
    await stack.http(1).get('/v1/me').set('authorization', `Bearer ${sessions[1].accessToken}`).expect(200);
    for (const token of apiTokens) await stack.http(1).get('/v1/me').set('authorization', `Bearer ${token}`).expect(200);
    await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: sessions[2].refreshToken }).expect(200);
    await stack
      .http(1)
      .post('/v1/auth/sign-in')
      .send({ organization: account.organization, email: account.email, password: account.password })
      .expect(401);
  });
});
