import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import type { Account } from '../../../domain/account.aggregate.js';
import { PasswordChanged } from '../../../domain/identity.events.js';
import { PasswordHistory } from '../../../domain/password-history.vo.js';
import { ChangePassword } from './change-password.command.js';
import { ChangePasswordHandler } from './change-password.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('ChangePasswordHandler', () => {
  let kit: IdentityTestKit;
  let handler: ChangePasswordHandler;
  let account: Account;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new ChangePasswordHandler(
      kit.organizations,
      kit.accounts,
      kit.checks,
      kit.newPasswords,
      kit.domainEvents,
      kit.unitOfWork,
      kit.clock,
    );
    account = await kit.account(await kit.organization());
  });

  const change = (
    current: string,
    next: string,
    expire = false,
    caller: { accountId: string; sessionId: string | null; apiTokenId: string | null } = {
      accountId: account.id,
      sessionId: 's1',
      apiTokenId: null,
    },
  ) => handler.execute(new ChangePassword(caller, current, next, expire, origin));

  it('changes the password and ends only the current session', async () => {
    await change('Plum-korb!7', 'Gazo-vint!4');
    expect(account.passwordHash).toBe('v1:Gazo-vint!4');
    expect(kit.domainEvents.published).toEqual([
      new PasswordChanged(account.id, account.organizationId, 's1', false, origin, kit.clock.now()),
    ]);
    expect(kit.sessions.calls).toEqual([{ method: 'endSession', id: 's1', reason: 'password-changed' }]);
    expect(kit.outbox.jobs).toEqual([
      { name: 'password-changed', payload: expect.objectContaining({ sessionsExpired: false, to: 'jane@example.com' }) },
    ]);
    expect(kit.eventTypes()).toEqual(['password.changed']);
  });

  it('expires every credential of the account with the option', async () => {
    await change('Plum-korb!7', 'Gazo-vint!4', true);
    expect(kit.published()).toEqual(['PasswordChanged', 'CredentialsExpired']);
    expect(kit.sessions.calls).toEqual([{ method: 'expireAllCredentials', id: account.id, reason: 'password-changed' }]);
    expect(kit.eventTypes()).toEqual(['password.changed', 'credentials.expired']);
  });

  it('refuses an API token', async () => {
    await expect(
      change('Plum-korb!7', 'Gazo-vint!4', false, { accountId: account.id, sessionId: null, apiTokenId: 't1' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(account.passwordHash).toBe('v1:Plum-korb!7');
    expect(kit.published()).toEqual([]);
  });

  it('counts a wrong current password as a failed entry and locks at the threshold', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await change('wrong', 'Gazo-vint!4').catch((error) => error.code));
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'PASSWORD_RESET_REQUIRED',
    ]);
    expect(account.status).toBe('password_reset_required');
    expect(kit.published()).toEqual(Array(5).fill('SignInFailed'));
    await kit.deferred.settled();
    expect(kit.published().slice(5)).toEqual(['AccountLocked']);
    expect(kit.outbox.jobs.map((job) => job.name)).toEqual(['account-locked']);
    expect(kit.events.items.map((event) => event.details.via)).toEqual([...Array(5).fill('password-change'), undefined]);
  });

  it('refuses the current password and the ones in the history', async () => {
    await change('Plum-korb!7', 'Gazo-vint!4');
    await expect(change('Gazo-vint!4', 'Plum-korb!7')).rejects.toMatchObject({
      violations: [{ code: 'REUSED', message: expect.any(String) }],
    });
    await expect(change('Gazo-vint!4', 'Gazo-vint!4')).rejects.toMatchObject({ code: 'PASSWORD_POLICY_VIOLATION' });
  });

  it('spends outstanding reset links', async () => {
    await kit.resetLinks.send(account, (await kit.organizations.findByName('acme'))!, 'reset', kit.clock.now());
    await change('Plum-korb!7', 'Gazo-vint!4');
    expect(kit.tokens.items[0].usedAt).not.toBeNull();
  });

  describe('a change that commits between the verify and the lock', () => {
    /** Runs `meanwhile` once the current password has been verified, before the handler takes the lock. */
    function afterVerify(meanwhile: () => Promise<void> | void): void {
      const verify = kit.hasher.verify.bind(kit.hasher);
      kit.hasher.verify = async (hash, password) => {
        const matches = await verify(hash, password);
        await meanwhile();
        return matches;
      };
    }

    const nothingWritten = () => {
      expect(kit.sessions.calls).toEqual([]);
      expect(kit.outbox.jobs).toEqual([]);
      expect(kit.eventTypes()).toEqual([]);
      expect(kit.published()).toEqual([]);
      expect(kit.accounts.histories.size).toBe(0);
    };

    it('refuses the replaced password when a reset landed meanwhile, saves nothing and counts nothing', async () => {
      afterVerify(
        () =>
          void account.resetPassword(
            { hash: 'v1:Reset-dova!3', history: PasswordHistory.of([]), historyDepth: 5 },
            { via: 'reset', expireSessionsAndTokens: false, origin, now: kit.clock.now() },
          ),
      );
      await expect(change('Plum-korb!7', 'Gazo-vint!4')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(account).toMatchObject({ passwordHash: 'v1:Reset-dova!3', failedSignIns: 0, status: 'active' });
      nothingWritten();
    });

    it('answers 423 when the account was locked meanwhile', async () => {
      afterVerify(() => void account.requireReset(origin, kit.clock.now()));
      await expect(change('Plum-korb!7', 'Gazo-vint!4')).rejects.toMatchObject({ code: 'PASSWORD_RESET_REQUIRED' });
      expect(account.passwordHash).toBe('v1:Plum-korb!7');
      nothingWritten();
    });
  });
});
