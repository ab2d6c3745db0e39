import { ApiToken } from '../../../domain/api-token.aggregate.js';
import { ApiTokenRevoked } from '../../../domain/api-token.events.js';
import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { RevokeApiTokenCommand } from './revoke-api-token.command.js';
import { RevokeApiTokenHandler } from './revoke-api-token.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('RevokeApiTokenHandler', () => {
  let kit: SessionsTestKit;
  let handler: RevokeApiTokenHandler;

  beforeEach(async () => {
    kit = new SessionsTestKit();
    handler = new RevokeApiTokenHandler(kit.unitOfWork, kit.clock, kit.apiTokens, kit.revocations, kit.events);
    const token = ApiToken.create({
      id: 't-1',
      accountId: 'account-1',
      organizationId: 'org-1',
      name: 'ci',
      token: 'lk_secret-x',
      secretHash: 'hash(lk_secret-x)',
      now: kit.clock.now(),
      expiresInDays: null,
      credentialVersion: 1,
    });
    await kit.apiTokens.addIfCurrent(token);
  });

  const revoke = (accountId: string, apiTokenId = 't-1') =>
    handler.execute(new RevokeApiTokenCommand(accountId, apiTokenId, 'org-1', origin));

  it('revokes the token, denies it once committed and publishes ApiTokenRevoked (identity audits it)', async () => {
    await revoke('account-1');
    expect(kit.apiTokens.tokens.get('t-1')?.revokedAt).toEqual(kit.clock.now());
    expect(kit.revocations.denied).toEqual(new Set(['api-token:t-1']));
    expect(kit.events.published).toEqual([new ApiTokenRevoked('t-1', 'account-1', 'org-1', origin, kit.clock.now())]);
  });

  it('answers another account’s, an unknown or an already revoked token with 404, publishing nothing', async () => {
    await expect(revoke('account-2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revoke('account-1', 't-unknown')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kit.apiTokens.tokens.get('t-1')?.revokedAt).toBeNull();
    await revoke('account-1');
    await expect(revoke('account-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kit.events.types()).toEqual(['ApiTokenRevoked']);
  });
});
