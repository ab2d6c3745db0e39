import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { SignIn } from './sign-in.command.js';
import { SignInHandler } from './sign-in.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'jest' };

describe('SignInHandler', () => {
  let kit: IdentityTestKit;
  let handler: SignInHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new SignInHandler(kit.organizations, kit.accounts, kit.hasher, kit.failedEntries, kit.sessions, kit.audit, kit.unitOfWork);
    await kit.account(await kit.organization());
  });

  const codes = async (organization: string, email: string, password: string, times: number): Promise<string[]> => {
    const result = [];
    for (let i = 0; i < times; i++) result.push(await handler.execute(new SignIn(organization, email, password, origin)).then(() => 'OK', (error) => error.code));
    return result;
  };

  it('opens a session for the right password, whatever the case of the e-mail', async () => {
    const tokens = await handler.execute(new SignIn('acme', 'JANE@example.com', 'Plum-korb!7', origin));
    expect(tokens).toMatchObject({ tokenType: 'Bearer', sessionId: 'session-1' });
    expect(kit.eventTypes()).toEqual(['sign-in.succeeded']);
  });

  it('answers 401 four times, then 423 from the fifth failure on, even for the right password', async () => {
    const sequence = ['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'PASSWORD_RESET_REQUIRED', 'PASSWORD_RESET_REQUIRED'];
    expect(await codes('acme', 'jane@example.com', 'wrong', 6)).toEqual(sequence);
    expect(await codes('acme', 'jane@example.com', 'Plum-korb!7', 1)).toEqual(['PASSWORD_RESET_REQUIRED']);
    await kit.deferred.settled();
    expect(kit.outbox.jobs).toEqual([{ name: 'account-locked', payload: expect.objectContaining({ to: 'jane@example.com', link: 'https://latchkey.test/reset-password#token=secret-1' }) }]);
    expect(kit.eventTypes().filter((type) => type === 'account.locked')).toHaveLength(1);
  });

  it('answers unknown e-mails and unknown organizations with the same sequence, after one dummy verify each', async () => {
    const sequence = await codes('acme', 'jane@example.com', 'wrong', 6);
    expect(await codes('acme', 'nobody@example.com', 'wrong', 6)).toEqual(sequence);
    expect(await codes('no-such-org', 'jane@example.com', 'wrong', 6)).toEqual(sequence);
    expect(kit.hasher.dummyVerifies).toBe(12);
  });

  it('answers the locking failure before its reset link and mail are made, and makes them once', async () => {
    await codes('acme', 'jane@example.com', 'wrong', 4);
    expect(await codes('acme', 'jane@example.com', 'wrong', 1)).toEqual(['PASSWORD_RESET_REQUIRED']);
    expect(kit.eventTypes()).not.toContain('account.locked');
    await kit.deferred.settled();
    expect(kit.outbox.jobs.map((job) => job.name)).toEqual(['account-locked']);
    expect(kit.eventTypes().slice(-2)).toEqual(['sign-in.failed', 'account.locked']);
  });

  it('keeps what was typed in the e-mail field of an unknown identity only when it is an e-mail address', async () => {
    await codes('acme', 'Nobody@Example.com', 'wrong', 1);
    await codes('acme', 'Hunter2-secret!', 'wrong', 1);
    await codes('acme', 'two words@example.com', 'wrong', 1);
    const details = kit.events.items.map((event) => event.details);
    expect(details).toEqual([
      { via: 'sign-in', reason: 'unknown-account', failedSignIns: 1, email: 'nobody@example.com' },
      { via: 'sign-in', reason: 'unknown-account', failedSignIns: 1, emailField: 'not-an-email-address' },
      { via: 'sign-in', reason: 'unknown-account', failedSignIns: 1, emailField: 'not-an-email-address' },
    ]);
    expect(JSON.stringify(kit.events.items)).not.toMatch(/Hunter2|two words/i);
  });

  it('resets the failure count on success', async () => {
    await codes('acme', 'jane@example.com', 'wrong', 4);
    await handler.execute(new SignIn('acme', 'jane@example.com', 'Plum-korb!7', origin));
    expect(await codes('acme', 'jane@example.com', 'wrong', 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
  });

  it('upgrades a hash made with old parameters at the next successful sign-in', async () => {
    const account = await kit.account(await kit.organization('old'), null, 'old@example.com');
    account.passwordHash = 'v0:Plum-korb!7';
    account.status = 'active';
    await handler.execute(new SignIn('old', 'old@example.com', 'Plum-korb!7', origin));
    expect(account.passwordHash).toBe('v1:Plum-korb!7');
  });
});
