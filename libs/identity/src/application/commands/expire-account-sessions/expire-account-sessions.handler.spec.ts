import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import type { Account } from '../../../domain/account.aggregate.js';
import { CredentialsExpired } from '../../../domain/identity.events.js';
import { ExpireAccountSessions } from './expire-account-sessions.command.js';
import { ExpireAccountSessionsHandler } from './expire-account-sessions.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('ExpireAccountSessionsHandler', () => {
  let kit: IdentityTestKit;
  let handler: ExpireAccountSessionsHandler;
  let account: Account;

  beforeEach(async () => {
    kit = new IdentityTestKit();
    handler = new ExpireAccountSessionsHandler(kit.lookup, kit.domainEvents, kit.unitOfWork, kit.clock);
    account = await kit.account(await kit.organization());
  });

  it('expires every credential of the account, audited as the administrator’s', async () => {
    await handler.execute(new ExpireAccountSessions('ACME', account.id, origin));
    expect(kit.domainEvents.published).toEqual([
      new CredentialsExpired(account.id, 'org-acme', { by: 'administrator' }, origin, kit.clock.now()),
    ]);
    expect(kit.sessions.calls).toEqual([{ method: 'expireAllCredentials', id: account.id, reason: 'admin-expired' }]);
    expect(kit.events.items.map(({ type, accountId, details }) => [type, accountId, details])).toEqual([
      ['credentials.expired', account.id, { by: 'administrator' }],
    ]);
  });

  it('answers NOT_FOUND for an account of another organization, expiring nothing', async () => {
    await kit.organization('other');
    await expect(handler.execute(new ExpireAccountSessions('other', account.id, origin))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(kit.sessions.calls).toEqual([]);
    expect(kit.published()).toEqual([]);
  });
});
