import { loadConfig, migrateDatabase } from '#libs/platform';
import { MIGRATIONS } from '../../migrations/index.js';
import { eventually } from '../support/eventually.js';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword, type TestAccount } from '../support/fixtures.js';
import { PrivatePostgres } from '../support/private-postgres.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from '../identity/close-stack.js';

/**
 * docs/architecture.md#read-replica: with DATABASE_READ_URL set, only the audit trail may read the replica. Its replay is
 * paused for the whole file, so anything else read from it would miss what the tests just wrote.
 */
describe('a read replica that lags (replay paused)', () => {
  let postgres: PrivatePostgres;
  let stack: TestStack;
  let organization: string;
  /** Replicated before the lag: the replica still holds its first password hash. */
  let veteran: TestAccount;

  beforeAll(async () => {
    postgres = await PrivatePostgres.startWithReplica();
    await postgres.createDatabase('latchkey');
    await migrateDatabase(loadConfig({ DATABASE_URL: postgres.primaryUrl('latchkey'), LOG_LEVEL: 'silent' }), MIGRATIONS);
    stack = await TestStack.start({
      env: { DATABASE_URL: postgres.primaryUrl('latchkey'), DATABASE_READ_URL: postgres.replicaUrl('latchkey') },
    });
    organization = await createOrganization(stack);
    veteran = await createAccount(stack, organization);
    await postgres.waitForReplay();
    await postgres.pauseReplay();
  }, 120_000);
  afterAll(async () => {
    if (stack) await closeStack(stack);
    await postgres?.stop();
  });

  const bearer = (token: string) => `Bearer ${token}`;
  const change = (token: string, currentPassword: string, newPassword: string) =>
    stack
      .http()
      .post('/v1/me/password')
      .set('authorization', bearer(token))
      .send({ currentPassword, newPassword, expireSessionsAndTokens: false });
  const signInStatus = async (account: TestAccount, password: string) =>
    (await stack.http().post('/v1/auth/sign-in').send({ organization: account.organization, email: account.email, password })).status;

  it('takes accounts in an organization created during the lag', async () => {
    const created = await createOrganization(stack);
    const account = await createAccount(stack, created);
    await signIn(stack, account);
  });

  it('judges the current password on the primary: a replaced password no longer changes it', async () => {
    const account = veteran;
    const first = await signIn(stack, account);
    const second = await signIn(stack, account);
    const replacement = strongPassword();
    await change(first.accessToken, account.password, replacement).expect(204);
    const refused = await change(second.accessToken, account.password, strongPassword()).expect(401);
    expect(refused.body.code).toBe('INVALID_CREDENTIALS');
    expect(await signInStatus(account, account.password)).toBe(401);
    await signIn(stack, { ...account, password: replacement });
  });

  it('mails a reset link to an account created during the lag', async () => {
    const account = await createAccount(stack, organization);
    await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);
    const [mail] = await stack.mail.waitFor(account.email);
    expect(mail.text).toContain('/reset-password#token=');
  });

  it('expires the sessions of an account created during the lag', async () => {
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    await stack.http().get('/v1/me').set('authorization', bearer(session.accessToken)).expect(401);
  });

  it('lists the sessions and API tokens just created', async () => {
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    const token = await stack
      .http()
      .post('/v1/me/api-tokens')
      .set('authorization', bearer(session.accessToken))
      .send({ name: 'ci' })
      .expect(201);
    const sessions = await stack.http().get('/v1/me/sessions').set('authorization', bearer(session.accessToken)).expect(200);
    expect(sessions.body.map((listed: { id: string }) => listed.id)).toEqual([session.sessionId]);
    const tokens = await stack.http().get('/v1/me/api-tokens').set('authorization', bearer(session.accessToken)).expect(200);
    expect(tokens.body.map((listed: { id: string }) => listed.id)).toEqual([token.body.id]);
  });

  it('reads the audit trail from the replica: it lags, and catches up when replay resumes', async () => {
    const account = await createAccount(stack, organization);
    await signIn(stack, account);
    const trail = async () => {
      const response = await stack
        .http()
        .get(`/v1/organizations/${organization}/security-events?accountId=${account.id}`)
        .set('authorization', adminAuth(stack))
        .expect(200);
      return response.body.events.map((event: { type: string }) => event.type);
    };
    expect(await trail()).toEqual([]);
    await postgres.resumeReplay();
    await postgres.waitForReplay();
    expect(await eventually(async () => ((await trail()).length >= 2 ? await trail() : false), 'the trail to catch up')).toEqual([
      'sign-in.succeeded',
      'account.created',
    ]);
  });
});
