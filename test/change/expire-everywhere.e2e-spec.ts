import { performance } from 'node:perf_hooks';
import { createAccount, createOrganization, signIn, strongPassword, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

/**
 * SPEC §4, the heart of the product: after the 204 of a change with "Expire sign-in session and
 * tokens", not one request with an old credential succeeds, on any API instance — while the
 * worker that cleans up is stopped.
 */
interface Sample {
  sentAt: number;
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
      const created = await stack.http(1).post('/v1/me/api-tokens').set('authorization', `Bearer ${sessions[1].accessToken}`).send({ name }).expect(201);
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
    const hammer = async (bearer: string) => {
      while (hammering) {
        const sentAt = performance.now();
        const { status } = await stack.http(1).get('/v1/me').set('authorization', `Bearer ${bearer}`);
        samples.push({ sentAt, status });
      }
    };
    const workers = bearers.flatMap((bearer) => [hammer(bearer), hammer(bearer)]);
    await new Promise((resolve) => setTimeout(resolve, 150));

    const change = { currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true };
    await stack.http(0).post('/v1/me/password').set('authorization', `Bearer ${sessions[0].accessToken}`).send(change).expect(204);
    const answeredAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    hammering = false;
    await Promise.all(workers);

    const before = samples.filter((s) => s.sentAt < answeredAt - 50);
    const after = samples.filter((s) => s.sentAt > answeredAt);
    expect(before.some((s) => s.status === 200)).toBe(true);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((s) => s.status !== 401)).toEqual([]);

    for (const session of sessions) {
      await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    }
    const renewed = await signIn(stack, { ...account, password: change.newPassword }, 1);
    await stack.http(0).get('/v1/me').set('authorization', `Bearer ${renewed.accessToken}`).expect(200);
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
    await stack.http(1).post('/v1/auth/sign-in').send({ organization: account.organization, email: account.email, password: account.password }).expect(401);
  });
});
