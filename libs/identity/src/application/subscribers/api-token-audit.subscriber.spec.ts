import { ApiTokenCreated, ApiTokenRevoked } from '#libs/sessions';
import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
import { ApiTokenAuditSubscriber } from './api-token-audit.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'curl/8' };
const now = new Date('2026-11-26T12:00:00Z');

describe('ApiTokenAuditSubscriber', () => {
  it('files the API token events of sessions in the account’s audit trail, ids and names only', async () => {
    const kit = new IdentityTestKit();
    const subscriber = new ApiTokenAuditSubscriber(kit.audit);
    await subscriber.handle(new ApiTokenCreated('t1', 'a1', 'o1', 'ci', origin, now));
    await subscriber.handle(new ApiTokenRevoked('t1', 'a1', 'o1', origin, now));
    expect(
      kit.events.items.map(({ type, organizationId, accountId, clientIp, userAgent, details }) => ({
        type,
        organizationId,
        accountId,
        clientIp,
        userAgent,
        details,
      })),
    ).toEqual([
      { type: 'api-token.created', organizationId: 'o1', accountId: 'a1', ...origin, details: { apiTokenId: 't1', name: 'ci' } },
      { type: 'api-token.revoked', organizationId: 'o1', accountId: 'a1', ...origin, details: { apiTokenId: 't1' } },
    ]);
  });
});
