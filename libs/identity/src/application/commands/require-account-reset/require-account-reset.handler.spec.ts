import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import type { Account } from '../../../domain/account.aggregate.js';
import { AccountResetRequired } from '../../../domain/identity.events.js';
import { RequireAccountReset } from './require-account-reset.command.js';
import { RequireAccountResetHandler } from './require-account-reset.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('RequireAccountResetHandler', () => {
  let kit: IdentityTestKit;
  let handler: RequireAccountResetHandler;
  let account: Account;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new RequireAccountResetHandler(kit.lookup, kit.domainEvents, kit.unitOfWork, kit.clock);
    account = await kit.account(await kit.organization());
  });

  it('puts the account in password reset required and mails its owner a reset link, leaving sessions alone', async () => {
    await handler.execute(new RequireAccountReset('acme', account.id, origin));
    expect(account.status).toBe('password_reset_required');
    expect(kit.domainEvents.published).toEqual([new AccountResetRequired(account.id, 'org-acme', origin, kit.clock.now())]);
    expect(kit.tokens.items.map((token) => token.purpose)).toEqual(['admin-required']);
    expect(kit.outbox.jobs).toEqual([
      {
        name: 'password-reset',
        payload: expect.objectContaining({ to: 'jane@example.com', link: 'https://latchkey.test/reset-password#token=secret-1' }),
      },
    ]);
    expect(kit.events.items.map(({ type, details }) => [type, details])).toEqual([['password-reset.required', { by: 'administrator' }]]);
    expect(kit.sessions.calls).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown account, changing nothing', async () => {
    await expect(handler.execute(new RequireAccountReset('acme', 'account-nobody', origin))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kit.published()).toEqual([]);
    expect(kit.outbox.jobs).toEqual([]);
  });
});
