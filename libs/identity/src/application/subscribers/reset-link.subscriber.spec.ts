import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import { AccountCreated, AccountLocked, AccountResetRequired, ResetRequested } from '../../domain/identity.events.js';
import { ResetLinkSubscriber } from './reset-link.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('ResetLinkSubscriber', () => {
  it('issues a link of the right purpose and mails it: invitation, requested reset, administrator’s, lock', async () => {
    const kit = new IdentityTestKit();
    const account = await kit.account(await kit.organization());
    const subscriber = new ResetLinkSubscriber(kit.owners, kit.resetLinks);
    const now = kit.clock.now();
    const ids = [account.id, account.organizationId] as const;
    await subscriber.handle(new AccountCreated(...ids, true, origin, now));
    await subscriber.handle(new ResetRequested(...ids, true, origin, now));
    await subscriber.handle(new AccountResetRequired(...ids, origin, now));
    await subscriber.handle(new AccountLocked(...ids, 5, 5, origin, now));
    expect(kit.tokens.items.map((token) => [token.purpose, token.accountId, token.createdAt])).toEqual([
      ['invitation', account.id, now],
      ['reset', account.id, now],
      ['admin-required', account.id, now],
      ['account-locked', account.id, now],
    ]);
    const mailed = (name: string, secret: number) => ({
      name,
      payload: expect.objectContaining({ to: 'jane@example.com', link: `https://latchkey.test/reset-password#token=secret-${secret}` }),
    });
    expect(kit.outbox.jobs).toEqual([
      mailed('invitation', 1),
      mailed('password-reset', 2),
      mailed('password-reset', 3),
      mailed('account-locked', 4),
    ]);
  });

  it('sends nothing for an account created with a password, nor for a throttled request', async () => {
    const kit = new IdentityTestKit();
    const account = await kit.account(await kit.organization());
    const subscriber = new ResetLinkSubscriber(kit.owners, kit.resetLinks);
    await subscriber.handle(new AccountCreated(account.id, account.organizationId, false, origin, kit.clock.now()));
    await subscriber.handle(new ResetRequested(account.id, account.organizationId, false, origin, kit.clock.now()));
    expect(kit.tokens.items).toEqual([]);
    expect(kit.outbox.jobs).toEqual([]);
  });
});
