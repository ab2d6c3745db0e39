import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { SignedIn } from '../../../domain/identity.events.js';
import { SignIn } from './sign-in.command.js';
import { SignInHandler } from './sign-in.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'jest' };

describe('SignInHandler', () => {
  let kit: IdentityTestKit;
  let handler: SignInHandler;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new SignInHandler(kit.accounts, kit.checks, kit.sessions, kit.domainEvents, kit.unitOfWork, kit.clock);
    await kit.account(await kit.organization());
  });

  const codes = async (organization: string, email: string, password: string, times: number): Promise<string[]> => {
    const result = [];
    for (let i = 0; i < times; i++)
      result.push(
        await handler.execute(new SignIn(organization, email, password, origin)).then(
          () => 'OK',
          (error) => error.code,
        ),
      );
    return result;
  };

  it('opens a session for the right password, whatever the case of the e-mail', async () => {
    const tokens = await handler.execute(new SignIn('acme', 'JANE@example.com', 'Plum-korb!7', origin));
    expect(tokens).toMatchObject({ tokenType: 'Bearer', sessionId: 'session-1' });
    expect(kit.domainEvents.published).toEqual([
      new SignedIn('account-jane@example.com', 'org-acme', 'session-1', false, origin, kit.clock.now()),
    ]);
    expect(kit.eventTypes()).toEqual(['sign-in.succeeded']);
    expect(kit.events.items[0].details).toEqual({ sessionId: 'session-1', hashUpgraded: false });
  });

  it('answers 401 four times, then 423 from the fifth failure on, even for the right password', async () => {
    const sequence = [
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'PASSWORD_RESET_REQUIRED',
      'PASSWORD_RESET_REQUIRED',
    ];
    expect(await codes('acme', 'jane@example.com', 'wrong', 6)).toEqual(sequence);
    expect(await codes('acme', 'jane@example.com', 'Plum-korb!7', 1)).toEqual(['PASSWORD_RESET_REQUIRED']);
    await kit.deferred.settled();
    expect(kit.outbox.jobs).toEqual([
      {
        name: 'account-locked',
        payload: expect.objectContaining({ to: 'jane@example.com', link: 'https://latchkey.test/reset-password#token=secret-1' }),
      },
    ]);
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
    expect(kit.published()).not.toContain('AccountLocked');
    await kit.deferred.settled();
    expect(kit.published().filter((type) => type === 'AccountLocked')).toHaveLength(1);
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
    expect(kit.events.items.at(-1)?.details).toEqual({ sessionId: 'session-1', hashUpgraded: true });
  });

  it('refuses the right password with 423 when a lock landed between the verify and the row lock, and records why', async () => {
    const account = await kit.accounts.findById('account-jane@example.com');
    const verify = kit.hasher.verify.bind(kit.hasher);
    kit.hasher.verify = async (hash, password) => {
      const matches = await verify(hash, password);
      account!.requireReset(origin, kit.clock.now());
      account!.pullEvents();
      return matches;
    };
    expect(await codes('acme', 'jane@example.com', 'Plum-korb!7', 1)).toEqual(['PASSWORD_RESET_REQUIRED']);
    expect(kit.sessions.calls).toEqual([]);
    expect(kit.published()).toEqual(['SignInFailed']);
    expect(kit.events.items.map((event) => [event.type, event.details])).toEqual([
      ['sign-in.failed', { reason: 'password-reset-required' }],
    ]);
  });
});
