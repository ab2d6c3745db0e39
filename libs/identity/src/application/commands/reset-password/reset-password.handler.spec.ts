import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import type { Account } from '../../../domain/account.aggregate.js';
import { PasswordReset } from '../../../domain/identity.events.js';
import { ResetPassword } from './reset-password.command.js';
import { ResetPasswordHandler } from './reset-password.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('ResetPasswordHandler', () => {
  let kit: IdentityTestKit;
  let handler: ResetPasswordHandler;
  let account: Account;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new ResetPasswordHandler(
      kit.tokens,
      kit.secrets,
      kit.organizations,
      kit.accounts,
      kit.newPasswords,
      kit.domainEvents,
      kit.unitOfWork,
      kit.clock,
    );
    const organization = await kit.organization();
    account = await kit.account(organization);
    for (let i = 0; i < 5; i++) account.recordFailedSignIn(5, { via: 'sign-in', origin, now: kit.clock.now() });
    account.pullEvents();
    await kit.resetLinks.send(account, organization, 'reset', kit.clock.now());
    await kit.resetLinks.send(account, organization, 'reset', kit.clock.now());
    kit.outbox.jobs.length = 0;
  });

  const reset = (token: string, password: string, expire = false) => handler.execute(new ResetPassword(token, password, expire, origin));

  it('sets the password, unlocks, spends every link, ends every session and mails the owner', async () => {
    await reset('secret-1', 'Gazo-vint!4');
    expect(account).toMatchObject({ passwordHash: 'v1:Gazo-vint!4', status: 'active', failedSignIns: 0 });
    expect(kit.tokens.items.every((token) => token.usedAt !== null)).toBe(true);
    expect(kit.sessions.calls).toEqual([{ method: 'endAllSessions', id: account.id, reason: 'password-reset' }]);
    expect(kit.outbox.jobs).toEqual([{ name: 'password-reset-completed', payload: expect.objectContaining({ sessionsExpired: false }) }]);
    expect(kit.eventTypes()).toEqual(['password-reset.completed']);
    expect(kit.domainEvents.published).toEqual([
      new PasswordReset(account.id, account.organizationId, 'reset', false, origin, kit.clock.now()),
    ]);
  });

  it('expires every credential when asked', async () => {
    await reset('secret-2', 'Gazo-vint!4', true);
    expect(kit.sessions.calls).toEqual([{ method: 'expireAllCredentials', id: account.id, reason: 'password-reset' }]);
    expect(kit.published()).toEqual(['PasswordReset', 'CredentialsExpired']);
    expect(kit.eventTypes()).toEqual(['password-reset.completed', 'credentials.expired']);
    expect(kit.events.items.map((event) => event.details)).toEqual([
      { sessionsExpired: true, via: 'reset' },
      { by: 'owner', via: 'password-reset' },
    ]);
  });

  it('judges the token first: unknown, spent and expired tokens answer 410 whatever the password', async () => {
    await expect(reset('secret-9', 'Plum-korb!7')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
    await reset('secret-1', 'Gazo-vint!4');
    await expect(reset('secret-1', 'Plum-korb!7')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
    await expect(reset('secret-2', 'x')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
  });

  it('refuses an expired token', async () => {
    kit.clock.advance(1800 * 1000);
    await expect(reset('secret-1', 'Gazo-vint!4')).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
  });

  it('reports every violation, REUSED included, and changes nothing', async () => {
    await expect(reset('secret-1', 'Plum-korb!7')).rejects.toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
      violations: [{ code: 'REUSED', message: expect.any(String) }],
    });
    const weak = await reset('secret-1', 'abc').catch((error) => error.violations.map((v: { code: string }) => v.code));
    expect(weak).toEqual(['LENGTH', 'MISSING_UPPERCASE', 'MISSING_DIGIT', 'MISSING_SPECIAL', 'SEQUENTIAL']);
    expect(account.status).toBe('password_reset_required');
    expect(kit.tokens.items[0].usedAt).toBeNull();
    expect(kit.published()).toEqual([]);
  });
});
