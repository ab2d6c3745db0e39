import { EntityManager } from '@mikro-orm/postgresql';
import { MAIL_QUEUE, QueueRegistry } from '#libs/platform';
import { adminAuth, createAccount, createOrganization, strongPassword } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from '../identity/close-stack.js';
import { tokenFrom } from '../identity/mail-links.js';
import { everyRedisKey, everyTableRow, placesHolding } from './stored-state.js';

describe('secrets at rest (docs/security.md): the raw reset token lives only in the e-mail', () => {
  let stack: TestStack;
  let organization: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    organization = await createOrganization(stack);
  });
  afterAll(() => closeStack(stack));

  const verify = (token: string) => stack.http().post('/v1/password-resets/verify').send({ token });

  /** Every mail job committed so far has been relayed and has completed. */
  async function mailSettled(): Promise<void> {
    const em = stack.api.get(EntityManager).fork();
    const queue = stack.api.get(QueueRegistry).get(MAIL_QUEUE);
    await eventually(async () => {
      const [{ pending, total }] = await em.execute<{ pending: number; total: number }[]>(
        `select count(*) filter (where sent_at is null)::int as pending, count(*)::int as total from outbox where queue = ?`,
        [MAIL_QUEUE],
      );
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
      return pending === 0 && counts.completed === total && counts.completed + counts.failed === total;
    }, 'every mail job to be relayed and completed');
  }

  it('keeps no live reset, invitation or lockout token in any table or Redis key once the mails are sent', async () => {
    // 1. A reset request, followed through to a new password.
    const resetting = await createAccount(stack, organization);
    await stack.http().post('/v1/password-resets').send({ organization, email: resetting.email }).expect(202);
    const resetToken = tokenFrom((await stack.mail.waitFor(resetting.email))[0]);
    await verify(resetToken).expect(200);
    await stack.http().post('/v1/password-resets/confirm').send({ token: resetToken, newPassword: strongPassword() }).expect(204);
    await stack.mail.waitFor(resetting.email, 2);

    // 2. An account created without a password: the invitation.
    const invitedEmail = 'invited-at-rest@example.com';
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts`)
      .set('authorization', adminAuth(stack))
      .send({ email: invitedEmail })
      .expect(201);
    const [invitation] = await stack.mail.waitFor(invitedEmail);
    const invitationToken = tokenFrom(invitation);

    // 3. A lockout: the fifth wrong password locks the account and mails a reset link.
    const locked = await createAccount(stack, organization);
    for (let i = 0; i < 5; i++) {
      await stack.http().post('/v1/auth/sign-in').send({ organization, email: locked.email, password: 'Wrong-Password-1' });
    }
    const [lockMail] = await stack.mail.waitFor(locked.email);
    const lockoutToken = tokenFrom(lockMail);

    await mailSettled();
    const database = await everyTableRow(stack.api.get(EntityManager).fork());
    const redis = await everyRedisKey(stack.config);

    // The scans do see the mail jobs: their rows and queued jobs are there, only the secret is gone.
    expect(placesHolding(database, invitedEmail)).toEqual(expect.arrayContaining(['outbox', 'accounts']));
    expect(placesHolding(redis, invitedEmail)).not.toEqual([]);
    for (const token of [resetToken, invitationToken, lockoutToken]) {
      const link = `${stack.config.PUBLIC_URL}/reset-password#token=${token}`;
      expect({ token, tables: placesHolding(database, token), keys: placesHolding(redis, token) }).toEqual({ token, tables: [], keys: [] });
      expect(placesHolding(database, link)).toEqual([]);
      expect(placesHolding(redis, link)).toEqual([]);
    }

    // What was absent was live: the invitation and lockout links still work; the reset link is spent.
    await verify(invitationToken).expect(200);
    await verify(lockoutToken).expect(200);
    await verify(resetToken).expect(410);
  });
});
