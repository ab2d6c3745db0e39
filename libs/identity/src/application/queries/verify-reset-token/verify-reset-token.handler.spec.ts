import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { VerifyResetToken } from './verify-reset-token.query.js';
import { VerifyResetTokenHandler } from './verify-reset-token.handler.js';

describe('VerifyResetTokenHandler', () => {
  it('shows the masked e-mail and the expiry, spends nothing, and refuses expired tokens', async () => {
    const kit = new IdentityTestKit();
    const handler = new VerifyResetTokenHandler(kit.tokens, kit.secrets, kit.accounts, kit.clock);
    const organization = await kit.organization();
    await kit.resetLinks.send(await kit.account(organization), organization, 'reset', kit.clock.now());
    const view = { email: 'j***@example.com', expiresAt: '2026-11-26T12:30:00.000Z' };
    expect(await handler.execute(new VerifyResetToken('secret-1'))).toEqual(view);
    expect(await handler.execute(new VerifyResetToken('secret-1'))).toEqual(view);
    expect(kit.tokens.items[0].usedAt).toBeNull();
    await expect(handler.execute(new VerifyResetToken('secret-2'))).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
    kit.clock.advance(30 * 60_000);
    await expect(handler.execute(new VerifyResetToken('secret-1'))).rejects.toMatchObject({ code: 'RESET_TOKEN_INVALID' });
  });
});
