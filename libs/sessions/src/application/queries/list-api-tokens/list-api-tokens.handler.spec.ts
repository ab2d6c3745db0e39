import { ApiToken } from '../../../domain/api-token.aggregate.js';
import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { ListApiTokensHandler } from './list-api-tokens.handler.js';
import { ListApiTokensQuery } from './list-api-tokens.query.js';

describe('ListApiTokensHandler', () => {
  it('lists the account’s tokens that are not revoked, expired ones included, newest first, without secrets', async () => {
    const kit = new SessionsTestKit();
    const handler = new ListApiTokensHandler(kit.apiTokens);
    const add = async (id: string, accountId = 'account-1', expiresInDays: number | null = null) => {
      const secret = `lk_${id}-secret`;
      await kit.apiTokens.addIfCurrent(
        ApiToken.create({
          id,
          accountId,
          organizationId: 'org-1',
          name: `token ${id}`,
          token: secret,
          secretHash: `hash(${secret})`,
          now: kit.clock.now(),
          expiresInDays,
          credentialVersion: 1,
        }),
      );
      kit.clock.advance(2 * 86_400);
    };
    await add('t1', 'account-1', 1);
    await add('t2');
    await add('t3');
    await add('t4', 'account-2');
    await kit.apiTokens.revoke({ accountId: 'account-1', id: 't2' }, kit.clock.now());

    const listed = await handler.execute(new ListApiTokensQuery('account-1'));
    expect(listed.map((t) => t.id)).toEqual(['t3', 't1']);
    expect(listed[1]).toEqual({
      id: 't1',
      name: 'token t1',
      prefix: 'lk_t1-sec',
      createdAt: new Date('2026-11-27T09:00:00Z'),
      expiresAt: new Date('2026-11-28T09:00:00Z'),
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain('secret');
  });
});
