import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import { PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { OwnerMailSubscriber } from './owner-mail.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('OwnerMailSubscriber', () => {
  it('queues the mail of a change or a reset to the account’s address, in its locale, with the organization’s names', async () => {
    const kit = new IdentityTestKit();
    const account = await kit.account(await kit.organization());
    const subscriber = new OwnerMailSubscriber(kit.owners, kit.mail);
    const now = kit.clock.now();
    await subscriber.handle(new PasswordChanged(account.id, account.organizationId, 's1', true, origin, now));
    await subscriber.handle(new PasswordReset(account.id, account.organizationId, 'reset', false, origin, now));
    const common = {
      to: 'jane@example.com',
      locale: 'en',
      organizationName: 'acme',
      organizationDisplayName: 'Acme Corp',
      occurredAt: now.toISOString(),
    };
    expect(kit.outbox.jobs).toEqual([
      { name: 'password-changed', payload: { ...common, sessionsExpired: true } },
      { name: 'password-reset-completed', payload: { ...common, sessionsExpired: false } },
    ]);
  });

  it('fails the change rather than lose the mail when the account cannot be found', async () => {
    const kit = new IdentityTestKit();
    const subscriber = new OwnerMailSubscriber(kit.owners, kit.mail);
    await expect(subscriber.handle(new PasswordChanged('nobody', 'org-acme', 's1', false, origin, kit.clock.now()))).rejects.toThrow(
      'was not found',
    );
    expect(kit.outbox.jobs).toEqual([]);
  });
});
