import { adminAuth, createAccount, createOrganization, signIn, strongPassword, type TestAccount } from '../support/fixtures.js';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '#libs/building-blocks';
import { AppConfig } from '#libs/platform';
import { LockNoticeSweeper } from '#libs/identity';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from './close-stack.js';
import { tokenFrom } from './mail-links.js';

describe('sign-in and lockout (docs/guarantees.md)', () => {
  let stack: TestStack;
  let organization: string;

  beforeAll(async () => {
    // Many attempts from one address: the per-address limits (tested on their own) would answer 429; per-account limits stay.
    stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } });
    organization = await createOrganization(stack);
  });
  afterAll(() => closeStack(stack));

  const attempt = (body: { organization: string; email: string; password: string }) => stack.http().post('/v1/auth/sign-in').send(body);

  async function answers(
    body: { organization: string; email: string; password: string },
    times: number,
  ): Promise<Array<{ status: number; body: unknown }>> {
    const result = [];
    for (let i = 0; i < times; i++) {
      const response = await attempt(body);
      result.push({ status: response.status, body: response.body });
    }
    return result;
  }

  it('signs in with the right password, e-mail in any case, and shows the account at /v1/me', async () => {
    const account = await createAccount(stack, organization, 'Jane.Doe@Example.com');
    const response = await attempt({ organization, email: 'jane.doe@EXAMPLE.com', password: account.password }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: expect.any(String),
      sessionId: expect.any(String),
    });
    const me = await stack.http().get('/v1/me').set('authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toEqual({
      id: account.id,
      email: 'Jane.Doe@Example.com',
      organization,
      locale: 'en',
      passwordChangedAt: expect.any(String),
      createdAt: expect.any(String),
    });
  });

  it('answers an existing account, an unknown e-mail and an unknown organization with the same sequence, body for body', async () => {
    const account = await createAccount(stack, organization);
    const existing = await answers({ organization, email: account.email, password: 'Wrong-Password-1' }, 7);
    const unknownEmail = await answers({ organization, email: 'nobody-here@example.com', password: 'Wrong-Password-1' }, 7);
    const unknownOrganization = await answers({ organization: 'no-such-org', email: account.email, password: 'Wrong-Password-1' }, 7);
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(existing[0].body).toEqual({
      type: 'urn:latchkey:problem:invalid-credentials',
      title: 'Unauthorized',
      status: 401,
      detail: expect.any(String),
      code: 'INVALID_CREDENTIALS',
    });
    expect(existing[4].body).toMatchObject({ status: 423, code: 'PASSWORD_RESET_REQUIRED' });
    expect(unknownEmail).toEqual(existing);
    expect(unknownOrganization).toEqual(existing);
    await attempt({ organization, email: account.email, password: account.password }).expect(423);
  });

  it('counts 50 concurrent wrong attempts exactly: the right password is refused afterwards', async () => {
    const account = await createAccount(stack, organization);
    const wrong = await Promise.all(
      Array.from({ length: 50 }, () => attempt({ organization, email: account.email, password: 'Wrong-Password-1' })),
    );
    const statuses = wrong.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(46);
    await attempt({ organization, email: account.email, password: account.password }).expect(423);
  });

  it('counts 50 concurrent wrong attempts for an unknown identity exactly as for an account', async () => {
    const wrong = await Promise.all(
      Array.from({ length: 50 }, () => attempt({ organization, email: 'crowd@example.com', password: 'Wrong-Password-1' })),
    );
    const statuses = wrong.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(46);
  });

  it('answers alike across days: one failure, then four more a day later, body for body', async () => {
    const account = await createAccount(stack, organization);
    const clock = stack.api.get(Clock);
    let now = clock.now().getTime();
    const travel = jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
    try {
      const real = { organization, email: account.email, password: 'Wrong-Password-1' };
      const ghost = { organization, email: 'day-two-ghost@example.com', password: 'Wrong-Password-1' };
      const dayOne = [await answers(real, 1), await answers(ghost, 1)];
      now += 25 * 3600 * 1000;
      const dayTwo = [await answers(real, 5), await answers(ghost, 5)];
      now += 400 * 24 * 3600 * 1000;
      const muchLater = [await answers(real, 1), await answers(ghost, 1)];
      const realSequence = [...dayOne[0], ...dayTwo[0], ...muchLater[0]];
      expect(realSequence.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
      expect([...dayOne[1], ...dayTwo[1], ...muchLater[1]]).toEqual(realSequence);
    } finally {
      travel.mockRestore();
    }
  });

  it('stores no typed text for unknown identities, and audits a typed value only when it is an e-mail address', async () => {
    const fresh = await createOrganization(stack);
    await attempt({ organization: fresh, email: 'Typed-Ghost@Example.com', password: 'Wrong-Password-1' }).expect(401);
    // A password typed into the e-mail field is not an address: refused before anything is counted or kept.
    await attempt({ organization: fresh, email: 'Tr0ub4dor&3-in-the-wrong-field', password: 'Wrong-Password-1' }).expect(400);
    // An address by the API's check, but not a plain ASCII one the audit trail may keep.
    await attempt({ organization: fresh, email: 'Tr0ub4dör&3@example.com', password: 'Wrong-Password-1' }).expect(401);
    const em = stack.api.get(EntityManager).fork();
    const identities = await em.execute<Array<Record<string, unknown>>>('select * from unknown_sign_in_identities');
    expect(JSON.stringify(identities)).not.toMatch(new RegExp(`ghost|tr0ub4d|example|${fresh}`, 'i'));
    const trail = await em.execute<Array<{ details: Record<string, unknown> }>>(
      "select details from security_events e join organizations o on o.id = e.organization_id where o.name = ? and e.type = 'sign-in.failed' order by e.id",
      [fresh],
    );
    expect(trail.map((row) => row.details)).toEqual([
      { via: 'sign-in', reason: 'unknown-account', failedSignIns: 1, email: 'typed-ghost@example.com' },
      { via: 'sign-in', reason: 'unknown-account', failedSignIns: 1, emailField: 'not-an-email-address' },
    ]);
  });

  it('resets the count on success', async () => {
    const account = await createAccount(stack, organization);
    for (let i = 0; i < 4; i++) await attempt({ organization, email: account.email, password: 'Wrong-Password-1' }).expect(401);
    await signIn(stack, account);
    for (let i = 0; i < 4; i++) await attempt({ organization, email: account.email, password: 'Wrong-Password-1' }).expect(401);
    await signIn(stack, account);
  });

  it('e-mails a reset link when it locks, and the reset through it lets the owner sign in again', async () => {
    const account = await createAccount(stack, organization);
    for (let i = 0; i < 5; i++) await attempt({ organization, email: account.email, password: 'Wrong-Password-1' });
    const [mail] = await stack.mail.waitFor(account.email);
    const newPassword = strongPassword();
    await stack
      .http()
      .post('/v1/password-resets/confirm')
      .send({ token: tokenFrom(mail), newPassword })
      .expect(204);
    await signIn(stack, { ...account, password: newPassword });
  });

  it('e-mails the reset link of a lock whose notice never went out (the process died after the lock committed), once, from any instance', async () => {
    const account = await createAccount(stack, organization);
    const em = stack.api.get(EntityManager).fork();
    // What such a crash leaves: the lock committed with its notice still owed, nothing queued.
    await em.execute(
      "update accounts set status = 'password_reset_required', failed_sign_ins = 5, lock_notice_pending = true where id = ?",
      [account.id],
    );
    await attempt({ organization, email: account.email, password: account.password }).expect(423);

    const sweeper = stack.api.get(LockNoticeSweeper);
    await Promise.all([sweeper.sweep(), sweeper.sweep(), sweeper.sweep()]);
    const [mail] = await stack.mail.waitFor(account.email);
    const [{ pending }] = await em.execute<Array<{ pending: boolean }>>(
      'select lock_notice_pending as pending from accounts where id = ?',
      [account.id],
    );
    expect(pending).toBe(false);
    const [{ queued }] = await em.execute<Array<{ queued: string }>>("select count(*) as queued from outbox where payload->>'to' = ?", [
      account.email,
    ]);
    expect(Number(queued)).toBe(1);
    const newPassword = strongPassword();
    await stack
      .http()
      .post('/v1/password-resets/confirm')
      .send({ token: tokenFrom(mail), newPassword })
      .expect(204);
    await signIn(stack, { ...account, password: newPassword });
  });

  it("queues exactly one notice when a lock's own sender and a sweep race", async () => {
    const account = await createAccount(stack, organization);
    for (let i = 0; i < 4; i++) await attempt({ organization, email: account.email, password: 'Wrong-Password-1' }).expect(401);
    const [locking] = await Promise.all([
      attempt({ organization, email: account.email, password: 'Wrong-Password-1' }),
      stack.api.get(LockNoticeSweeper).sweep(),
    ]);
    expect(locking.status).toBe(423);
    await stack.mail.waitFor(account.email);
    await stack.api.get(LockNoticeSweeper).sweep();
    const em = stack.api.get(EntityManager).fork();
    const [{ queued }] = await em.execute<Array<{ queued: string }>>("select count(*) as queued from outbox where payload->>'to' = ?", [
      account.email,
    ]);
    expect(Number(queued)).toBe(1);
  });

  it('follows the organization lockout threshold', async () => {
    const strict = await createOrganization(stack);
    await stack
      .http()
      .put(`/v1/organizations/${strict}/password-policy`)
      .set('authorization', adminAuth(stack))
      .send({ lockoutThreshold: 3 })
      .expect(200);
    const account: TestAccount = await createAccount(stack, strict);
    const existing = await answers({ organization: strict, email: account.email, password: 'Wrong-Password-1' }, 4);
    const unknown = await answers({ organization: strict, email: 'ghost@example.com', password: 'Wrong-Password-1' }, 4);
    expect(existing.map((a) => a.status)).toEqual([401, 401, 423, 423]);
    expect(unknown).toEqual(existing);
  });

  it('upgrades a hash to new argon2 parameters at the next successful sign-in', async () => {
    const account = await createAccount(stack, organization);
    const storedHash = async (): Promise<string> => {
      const [row] = await stack.api
        .get(EntityManager)
        .fork()
        .execute<Array<{ password_hash: string }>>('select password_hash from accounts where id = ?', [account.id]);
      return row.password_hash;
    };
    expect(await storedHash()).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
    const stronger = Object.assign(Object.create(AppConfig.prototype) as AppConfig, stack.config, { ARGON2_TIME_COST: 2 });
    const upgraded = stack.apis.length;
    await stack.startApi(stronger);
    await signIn(stack, account, upgraded);
    expect(await storedHash()).toMatch(/^\$argon2id\$v=19\$m=8192,t=2,p=1\$/);
    await signIn(stack, account, 0);
  });

  it('refuses a missing or malformed body with 400, never 500', async () => {
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: 'a@b.c' }).expect(400);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: 'a@b.c', password: 5 }).expect(400);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: 'a@b.c', password: 'x', extra: 1 }).expect(400);
  });
});
