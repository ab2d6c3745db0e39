import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import { PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { ResetLinkSpendingSubscriber } from './reset-link-spending.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('ResetLinkSpendingSubscriber', () => {
  it('spends every outstanding link of the account on a change or a reset, and no one else’s', async () => {
    const kit = new IdentityTestKit();
    const organization = await kit.organization();
    const [jane, kim] = [await kit.account(organization), await kit.account(organization, 'Plum-korb!7', 'kim@example.com')];
    for (const account of [jane, jane, kim]) await kit.resetLinks.send(account, organization, 'reset', kit.clock.now());
    const subscriber = new ResetLinkSpendingSubscriber(kit.tokens);
    kit.clock.advance(1000);
    await subscriber.handle(new PasswordChanged(jane.id, organization.id, 's1', false, origin, kit.clock.now()));
    expect(kit.tokens.items.map((token) => token.usedAt)).toEqual([kit.clock.now(), kit.clock.now(), null]);
    await subscriber.handle(new PasswordReset(kim.id, organization.id, 'reset', false, origin, kit.clock.now()));
    expect(kit.tokens.items[2].usedAt).toEqual(kit.clock.now());
  });
});
