import { EntityManager } from '@mikro-orm/postgresql';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from './close-stack.js';
import { tokenFrom } from './mail-links.js';

const ACCEPTED = { message: 'If the account exists, an e-mail has been sent.' };

describe('password reset by e-mail (docs/api.md)', () => {
  let stack: TestStack;
  let organization: string;

  beforeAll(async () => {
    // Many attempts from one address: the per-address limits (tested on their own) would answer 429; per-account limits stay.
    stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } });
    organization = await createOrganization(stack);
  });
  afterAll(() => closeStack(stack));

  const requestReset = (email: string, org = organization) => stack.http().post('/v1/password-resets').send({ organization: org, email });
  const confirm = (body: Record<string, unknown>) => stack.http().post('/v1/password-resets/confirm').send(body);

  async function resetLink(email: string, count = 1): Promise<string> {
    await requestReset(email).expect(202);
    const mails = await stack.mail.waitFor(email, count);
    return tokenFrom(mails[count - 1]);
  }

  it('tells nothing about whether the account exists', async () => {
    const account = await createAccount(stack, organization);
    const known = await requestReset(account.email).expect(202);
    const unknownEmail = await requestReset('nobody@example.com').expect(202);
    const unknownOrganization = await requestReset(account.email, 'no-such-org').expect(202);
    expect(known.body).toEqual(ACCEPTED);
    expect(unknownEmail.body).toEqual(ACCEPTED);
    expect(unknownOrganization.body).toEqual(ACCEPTED);
    await stack.mail.waitFor(account.email);
    expect(stack.mail.to('nobody@example.com')).toEqual([]);
  });

  it('tells the whole story: e-mail, verify, confirm, new password works, old one does not', async () => {
    const account = await createAccount(stack, organization, 'Reset.Story@Example.com');
    const token = await resetLink(account.email);
    const [mail] = stack.mail.to(account.email);
    expect(mail.text).toContain(`${stack.config.PUBLIC_URL}/reset-password#token=${token}`);
    const verified = await stack.http().post('/v1/password-resets/verify').send({ token }).expect(200);
    expect(verified.body).toEqual({ email: 'R***@Example.com', expiresAt: expect.any(String) });
    // verify spends nothing
    await stack.http().post('/v1/password-resets/verify').send({ token }).expect(200);
    const other = await signIn(stack, account);
    const newPassword = strongPassword();
    await confirm({ token, newPassword }).expect(204);
    await stack.http().get('/v1/me').set('authorization', `Bearer ${other.accessToken}`).expect(401);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(401);
    await signIn(stack, { ...account, password: newPassword });
    await stack.http().post('/v1/password-resets/verify').send({ token }).expect(410);
    const notices = await stack.mail.waitFor(account.email, 2);
    expect(notices[1].text).not.toContain('reset-password#token=');
  });

  it('judges the token before the password: a spent token answers 410 whatever password comes with it', async () => {
    const account = await createAccount(stack, organization);
    const token = await resetLink(account.email);
    await confirm({ token, newPassword: account.password }).expect(422);
    await confirm({ token, newPassword: strongPassword() }).expect(204);
    const spent = await confirm({ token, newPassword: account.password }).expect(410);
    expect(spent.body).toMatchObject({ status: 410, code: 'RESET_TOKEN_INVALID' });
    await confirm({ token: 'not-a-token-at-all', newPassword: 'short' }).expect(410);
  });

  it('reports every violation, REUSED included, and changes nothing', async () => {
    const account = await createAccount(stack, organization);
    const token = await resetLink(account.email);
    const weak = await confirm({ token, newPassword: 'abc' }).expect(422);
    expect(weak.body.code).toBe('PASSWORD_POLICY_VIOLATION');
    expect(weak.body.violations.map((v: { code: string }) => v.code)).toEqual(
      expect.arrayContaining(['LENGTH', 'MISSING_UPPERCASE', 'MISSING_DIGIT', 'MISSING_SPECIAL', 'SEQUENTIAL']),
    );
    const reused = await confirm({ token, newPassword: account.password }).expect(422);
    expect(reused.body.violations).toEqual([{ code: 'REUSED', message: expect.any(String) }]);
    await signIn(stack, account);
  });

  it('lets exactly one of 10 racing confirmations win', async () => {
    const account = await createAccount(stack, organization);
    const token = await resetLink(account.email);
    const passwords = Array.from({ length: 10 }, () => strongPassword());
    const answers = await Promise.all(passwords.map((newPassword) => confirm({ token, newPassword })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([204, ...Array(9).fill(410)]);
    const winner = passwords[answers.findIndex((a) => a.status === 204)];
    await signIn(stack, { ...account, password: winner });
  });

  it('spends every other outstanding link of the account', async () => {
    const account = await createAccount(stack, organization);
    const first = await resetLink(account.email);
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/${account.id}/require-reset`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    const [, adminMail] = await stack.mail.waitFor(account.email, 2);
    const second = tokenFrom(adminMail);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(423);
    await confirm({ token: second, newPassword: strongPassword() }).expect(204);
    await stack.http().post('/v1/password-resets/verify').send({ token: first }).expect(410);
  });

  it('throttles per account: a second request within the minute answers 202 and sends nothing', async () => {
    const account = await createAccount(stack, organization);
    await requestReset(account.email).expect(202);
    await requestReset(account.email).expect(202);
    const em = stack.api.get(EntityManager).fork();
    await waitForEvents(em, account.id, 2);
    const rows = await em.execute<Array<{ details: { sent: boolean } }>>(
      "select details from security_events where account_id = ? and type = 'password-reset.requested' order by occurred_at",
      [account.id],
    );
    expect(rows.map((r) => r.details.sent).sort()).toEqual([false, true]);
    const jobs = await em.execute("select id from outbox where name = 'password-reset' and payload->>'to' = ?", [account.email]);
    expect(jobs).toHaveLength(1);
    await stack.mail.waitFor(account.email);
  });

  it('invites an account created without a password to set one', async () => {
    const email = 'invited@example.com';
    const created = await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts`)
      .set('authorization', adminAuth(stack))
      .send({ email, locale: 'ko' })
      .expect(201);
    expect(created.body).toMatchObject({ email, status: 'password_reset_required', locale: 'ko' });
    const [invitation] = await stack.mail.waitFor(email);
    const password = strongPassword();
    await stack.http().post('/v1/auth/sign-in').send({ organization, email, password }).expect(423);
    await confirm({ token: tokenFrom(invitation), newPassword: password }).expect(204);
    await signIn(stack, { id: created.body.id, organization, email, password });
  });
});

async function waitForEvents(em: EntityManager, accountId: string, count: number): Promise<void> {
  await eventually(
    async () =>
      (await em.execute("select id from security_events where account_id = ? and type = 'password-reset.requested'", [accountId])).length >=
      count,
    'the reset requests to be processed',
    10_000,
  );
}
