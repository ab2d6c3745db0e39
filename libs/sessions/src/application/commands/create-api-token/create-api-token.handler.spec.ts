import { ApiTokenCreated } from '../../../domain/api-token.events.js';
import { SessionsTestKit } from '../../../infrastructure/testing/sessions-test-kit.js';
import { CreateApiTokenCommand } from './create-api-token.command.js';
import { CreateApiTokenHandler } from './create-api-token.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'curl/8' };

describe('CreateApiTokenHandler', () => {
  let kit: SessionsTestKit;
  let handler: CreateApiTokenHandler;

  beforeEach(() => {
    kit = new SessionsTestKit();
    handler = new CreateApiTokenHandler(kit.unitOfWork, kit.clock, kit.apiTokens, kit.secrets, kit.events);
  });

  const create = (credentialVersion = 1, expiresInDays: number | null = 30) =>
    handler.execute(new CreateApiTokenCommand('account-1', 'org-1', 'ci', expiresInDays, origin, credentialVersion));

  it('shows the secret once and stores only its hash and prefix, in the asking credential’s era', async () => {
    const created = await create();
    const now = kit.clock.now();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'ci',
      token: 'lk_secret-1',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    });
    expect(kit.apiTokens.tokens.get(created.id)).toMatchObject({
      secretHash: 'hash(lk_secret-1)',
      tokenPrefix: 'lk_secret',
      credentialVersion: 1,
      revokedAt: null,
    });
    expect(kit.events.published).toEqual([new ApiTokenCreated(created.id, 'account-1', 'org-1', 'ci', origin, now)]);
    expect(JSON.stringify(kit.events.published)).not.toMatch(/secret/);
  });

  it('is refused when the access token’s credential version is no longer current', async () => {
    await kit.commands.expireAllCredentials('account-1', 'expired_by_admin');
    await expect(create(1)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(kit.apiTokens.tokens.size).toBe(0);
    expect(kit.events.published).toEqual([]);
    // A credential of the new era may.
    await expect(create(2)).resolves.toMatchObject({ name: 'ci' });
  });

  it('stores nothing when a subscriber (the audit trail) cannot write in the same transaction', async () => {
    kit.events.subscribe([ApiTokenCreated], {
      handle: async () => {
        throw new Error('connection terminated');
      },
    });
    await expect(create()).rejects.toThrow('connection terminated');
    expect(kit.apiTokens.tokens.size).toBe(0);
  });
});
