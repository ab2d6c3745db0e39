import { EntityManager } from '@mikro-orm/postgresql';
import { MAIL_QUEUE, OutboxRelay, QueueRegistry } from '#libs/platform';
import { TestStack } from '../support/test-stack.js';
import { eventually } from '../support/eventually.js';
import { changeJob, commitMailJob, linkJob } from './mail-outbox.js';

describe('the mail worker', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });
  afterAll(() => stack.close());

  const jobState = (id: string) => stack.api.get(QueueRegistry).get(MAIL_QUEUE).getJobState(id);

  it.each([
    ['password-reset', 'Reset your Acme Corp password'],
    ['account-locked', 'Your Acme Corp account is locked'],
    ['invitation', 'You are invited to Acme Corp'],
  ])('delivers a %s e-mail with its link and expiry, committed through the outbox', async (name, subject) => {
    const to = `${name}@example.com`;
    const payload = linkJob(to);
    await commitMailJob(stack.api, name, payload);

    const [mail] = await stack.mail.waitFor(to);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(payload.link);
    expect(mail.text).toMatch(/expires on \w+ \d+, \d{4} at \d\d:\d\d UTC/);
    expect(mail.html).toContain('Acme Corp');
    expect(mail.raw).toMatch(/^From: Latchkey <no-reply@localhost>/m);
  });

  it.each([
    ['password-reset-completed', 'Your Acme Corp password was reset'],
    ['password-changed', 'Your Acme Corp password was changed'],
  ])('delivers a %s e-mail saying whether sessions and tokens were expired', async (name, subject) => {
    await commitMailJob(stack.api, name, changeJob(`${name}@example.com`, { sessionsExpired: true }));
    await commitMailJob(stack.api, name, changeJob(`kept-${name}@example.com`, { sessionsExpired: false }));

    const [expired] = await stack.mail.waitFor(`${name}@example.com`);
    const [kept] = await stack.mail.waitFor(`kept-${name}@example.com`);
    expect([expired.subject, kept.subject]).toEqual([subject, subject]);
    expect(expired.text).toMatch(/API tokens? .*(were|was) expired/);
    expect(kept.text).toContain('API tokens were not expired');
  });

  it("writes in the account's language, Korean included", async () => {
    const payload = linkJob('ko@example.com', { locale: 'ko', organizationDisplayName: '에이크미' });
    await commitMailJob(stack.api, 'password-reset', payload);

    const [mail] = await stack.mail.waitFor('ko@example.com');
    expect(mail.subject).toBe('에이크미 비밀번호 재설정');
    expect(mail.text).toContain(payload.link);
    expect(mail.text).toMatch(/\d{4}년 \d+월 \d+일 \d\d:\d\d UTC에 만료됩니다/);
  });

  it('escapes an organization display name in the HTML part', async () => {
    await commitMailJob(stack.api, 'invitation', linkJob('escape@example.com', { organizationDisplayName: '<script>alert(1)</script>' }));

    const [mail] = await stack.mail.waitFor('escape@example.com');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('sends one e-mail when the same job is processed twice', async () => {
    const id = await commitMailJob(stack.api, 'password-reset', linkJob('twice@example.com'));
    await stack.mail.waitFor('twice@example.com');
    await eventually(async () => (await jobState(id)) === 'completed', 'the mail job to complete');

    // As if the relay had died between enqueuing the job and marking the row, after the job aged out.
    await stack.api.get(QueueRegistry).get(MAIL_QUEUE).remove(id);
    await stack.api.get(EntityManager).fork().execute('update outbox set sent_at = null where id = ?', [id]);
    await stack.api.get(OutboxRelay).flush();

    const again = await eventually(async () => {
      const job = await stack.api.get(QueueRegistry).get(MAIL_QUEUE).getJob(id);
      return job?.finishedOn ? job : undefined;
    }, 'the job delivered again to finish');
    expect(again.returnvalue).toBe('already-sent');
    // The row had its link erased once the mail left; the relay hands over what is left of it.
    expect(again.data).toMatchObject({ to: 'twice@example.com', erased: ['link'] });
    expect(again.data).not.toHaveProperty('link');
    expect(stack.mail.to('twice@example.com')).toHaveLength(1);
  });

  it('fails a job with a bad payload at once, without retrying it and without sending', async () => {
    const id = await commitMailJob(stack.api, 'password-reset', linkJob('bad@example.com', { link: 'javascript:alert(1)' }));

    await eventually(async () => (await jobState(id)) === 'failed', 'the mail job to fail');
    const job = await stack.api.get(QueueRegistry).get(MAIL_QUEUE).getJob(id);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain('link must be an http(s) URL');
    expect(stack.mail.to('bad@example.com')).toHaveLength(0);
  });
});
