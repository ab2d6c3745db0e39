import { InvalidationChannel } from '#libs/platform';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { adminQuery } from '../support/postgres-admin.js';
import { TestStack } from '../support/test-stack.js';

/**
 * `GET /v1/me` and the organization a sign-in looks up come from each instance's memory; a change
 * committed on any instance must show on every other one at once. (Token checks never come from
 * memory: see the change/ specs.)
 */
describe('what API instances keep in memory, on two instances', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi();
    await eventually(
      () => stack.apis.every((api) => api.get(InvalidationChannel).isListening),
      'both instances to subscribe to cache invalidations',
      10_000,
    );
  });
  afterAll(() => stack?.close());

  const me = async (instance: number, accessToken: string) =>
    (await stack.http(instance).get('/v1/me').set('authorization', `Bearer ${accessToken}`).expect(200)).body;

  it('shows a password change made on instance A at once on instance B, which had the old view in memory', async () => {
    const account = await createAccount(stack, await createOrganization(stack));
    const [onA, onB] = [await signIn(stack, account, 0), await signIn(stack, account, 1)];
    const before = await me(1, onB.accessToken);
    expect(before).toMatchObject({ id: account.id, email: account.email, locale: 'en' });

    // B answers from memory: a row changed behind the API's back (no invalidation) is not seen yet.
    await adminQuery("update accounts set locale = 'ko' where id = $1", [account.id], new URL(stack.config.DATABASE_URL).pathname.slice(1));
    expect((await me(1, onB.accessToken)).locale).toBe('en');

    await stack
      .http(0)
      .post('/v1/me/password')
      .set('authorization', `Bearer ${onA.accessToken}`)
      .send({ currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: false })
      .expect(204);
    const after = await me(1, onB.accessToken);
    expect(after.passwordChangedAt).not.toBe(before.passwordChangedAt);
    expect(Date.parse(after.passwordChangedAt)).toBeGreaterThan(Date.now() - 10_000);
    expect(after.locale).toBe('ko');
  });

  it("applies an organization's new lockout threshold on instance B as soon as A has set it", async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const attempt = (password: string) => stack.http(1).post('/v1/auth/sign-in').send({ organization, email: account.email, password });
    // B reads the organization (default threshold 5) and keeps it.
    await signIn(stack, account, 1);
    expect((await attempt('Wrong-Password-1')).status).toBe(401);

    await stack
      .http(0)
      .put(`/v1/organizations/${organization}/password-policy`)
      .set('authorization', adminAuth(stack))
      .send({ lockoutThreshold: 3 })
      .expect(200);
    // One failure is counted already: under the new threshold of 3 the third one locks (under the old 5 it would not).
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt('Wrong-Password-1')).status);
    expect(statuses).toEqual([401, 423, 423]);
  });

  it('keeps answering (from PostgreSQL) for an account whose view was never cached, and 401 without a token', async () => {
    const account = await createAccount(stack, await createOrganization(stack));
    const session = await signIn(stack, account, 1);
    expect(await me(1, session.accessToken)).toMatchObject({ id: account.id, passwordChangedAt: expect.any(String) });
    await stack.http(1).get('/v1/me').expect(401);
  });
});
