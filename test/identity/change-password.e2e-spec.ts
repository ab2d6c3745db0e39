import { EntityManager } from '@mikro-orm/postgresql';
import {
  adminAuth,
  createAccount,
  createOrganization,
  type SignedIn,
  signIn,
  strongPassword,
  type TestAccount,
} from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from './close-stack.js';

describe('password change and "expire sign-in sessions and tokens" (docs/guarantees.md)', () => {
  let stack: TestStack;
  let organization: string;

  beforeAll(async () => {
    // Many attempts from one address: the per-address limits (tested on their own) would answer 429; per-account limits stay.
    stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } });
    organization = await createOrganization(stack);
    await stack.startApi();
  });
  afterAll(() => closeStack(stack));

  const bearer = (token: string) => `Bearer ${token}`;
  const change = (token: string, body: Record<string, unknown>, instance = 0) =>
    stack.http(instance).post('/v1/me/password').set('authorization', bearer(token)).send(body);

  async function apiToken(session: SignedIn): Promise<string> {
    const response = await stack
      .http()
      .post('/v1/me/api-tokens')
      .set('authorization', bearer(session.accessToken))
      .send({ name: 'ci' })
      .expect(201);
    return response.body.token;
  }

  async function mailJob(account: TestAccount, name: string): Promise<Record<string, unknown>> {
    const [row] = await stack.api
      .get(EntityManager)
      .fork()
      .execute<Array<{ payload: Record<string, unknown> }>>('select payload from outbox where name = ? and payload->>? = ?', [
        name,
        'to',
        account.email,
      ]);
    return row.payload;
  }

  it('without the option ends only the current session: other sessions and API tokens keep working', async () => {
    const account = await createAccount(stack, organization);
    const current = await signIn(stack, account);
    const other = await signIn(stack, account);
    const token = await apiToken(other);
    const newPassword = strongPassword();
    await change(current.accessToken, { currentPassword: account.password, newPassword, expireSessionsAndTokens: false }).expect(204);
    await stack.http().get('/v1/me').set('authorization', bearer(current.accessToken)).expect(401);
    await stack.http(1).get('/v1/me').set('authorization', bearer(other.accessToken)).expect(200);
    await stack.http(1).get('/v1/me').set('authorization', bearer(token)).expect(200);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(401);
    await signIn(stack, { ...account, password: newPassword });
    expect(await mailJob(account, 'password-changed')).toMatchObject({
      to: account.email,
      sessionsExpired: false,
      organizationName: organization,
    });
    await stack.mail.waitFor(account.email);
  });

  it('refuses an API token: only a password sign-in may change the password', async () => {
    const account = await createAccount(stack, organization);
    const token = await apiToken(await signIn(stack, account));
    const response = await change(token, {
      currentPassword: account.password,
      newPassword: strongPassword(),
      expireSessionsAndTokens: false,
    }).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('reports every violation, REUSED included', async () => {
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    const reused = await change(session.accessToken, {
      currentPassword: account.password,
      newPassword: account.password,
      expireSessionsAndTokens: false,
    }).expect(422);
    expect(reused.body.violations).toEqual([{ code: 'REUSED', message: expect.any(String) }]);
    const weak = await change(session.accessToken, {
      currentPassword: account.password,
      newPassword: 'aaa',
      expireSessionsAndTokens: false,
    }).expect(422);
    expect(weak.body.violations.map((v: { code: string }) => v.code)).toEqual(
      expect.arrayContaining(['LENGTH', 'REPEATED', 'MISSING_DIGIT']),
    );
    await stack.http().get('/v1/me').set('authorization', bearer(session.accessToken)).expect(200);
  });

  it('requires the flag and counts a wrong current password as a failed entry: five lock the account', async () => {
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    await change(session.accessToken, { currentPassword: account.password, newPassword: strongPassword() }).expect(400);
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await change(session.accessToken, {
            currentPassword: 'Wrong-Password-1',
            newPassword: strongPassword(),
            expireSessionsAndTokens: false,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(423);
    await stack.mail.waitFor(account.email);
  });

  describe('with the worker stopped', () => {
    beforeAll(() => stack.stopWorker());

    it('with the option expires every session, refresh token, access token and API token on every instance before the 204', async () => {
      const account = await createAccount(stack, organization);
      const current = await signIn(stack, account);
      const others = [await signIn(stack, account, 1), await signIn(stack, account)];
      const tokens = [await apiToken(others[0]), await apiToken(others[1])];
      await change(current.accessToken, {
        currentPassword: account.password,
        newPassword: strongPassword(),
        expireSessionsAndTokens: true,
      }).expect(204);
      for (const credential of [current.accessToken, ...others.map((s) => s.accessToken), ...tokens]) {
        await stack.http(1).get('/v1/me').set('authorization', bearer(credential)).expect(401);
        await stack.http(0).get('/v1/me').set('authorization', bearer(credential)).expect(401);
      }
      for (const session of others) await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      expect(await mailJob(account, 'password-changed')).toMatchObject({ sessionsExpired: true });
    });

    it('lets an administrator expire every session and token of an account', async () => {
      const account = await createAccount(stack, organization);
      const session = await signIn(stack, account);
      const token = await apiToken(session);
      await stack
        .http()
        .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
        .set('authorization', adminAuth(stack))
        .expect(204);
      await stack.http(1).get('/v1/me').set('authorization', bearer(session.accessToken)).expect(401);
      await stack.http(1).get('/v1/me').set('authorization', bearer(token)).expect(401);
      await signIn(stack, account, 1);
    });
  });
});
