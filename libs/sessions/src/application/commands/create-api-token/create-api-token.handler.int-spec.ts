import { MikroORM } from '@mikro-orm/postgresql';
import { InMemoryDomainEvents, SystemClock } from '#libs/building-blocks';
import { databaseOptions, loadConfig } from '#libs/platform';
import { createTestDatabase } from '../../../../../../test/support/test-database.js';
import { UnauthenticatedError } from '../../../domain/sessions.errors.js';
import { ApiTokenSchema } from '../../../infrastructure/persistence/api-token.schema.js';
import { MikroOrmApiTokenRepository } from '../../../infrastructure/persistence/mikro-orm-api-token.repository.js';
import { MikroOrmCredentialVersionRepository } from '../../../infrastructure/persistence/mikro-orm-credential-version.repository.js';
import { MikroOrmUnitOfWork } from '#libs/platform';
import { RefreshTokenSchema, SessionSchema } from '../../../infrastructure/persistence/session.schema.js';
import { SequentialTokenSecrets } from '../../../infrastructure/testing/in-memory-ports.js';
import { ApiTokenCreated } from '../../../domain/api-token.events.js';
import { CreateApiTokenCommand } from './create-api-token.command.js';
import { CreateApiTokenHandler } from './create-api-token.handler.js';

/**
 * A medium test: the handler over the real PostgreSQL repository and unit of work (the statement
 * that binds a token to its era, and the row lock it shares with an expiry); secrets and the
 * event subscriber (standing for identity's audit trail) in memory.
 */
describe('CreateApiTokenHandler on PostgreSQL', () => {
  let orm: MikroORM;
  let handler: CreateApiTokenHandler;
  let audited: ApiTokenCreated[];
  let failAudit: boolean;
  let account = 0;
  let accountId: string;

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: await createTestDatabase(), LOG_LEVEL: 'silent' });
    orm = await MikroORM.init({ ...databaseOptions(config), entities: [SessionSchema, RefreshTokenSchema, ApiTokenSchema] });
    const events = new InMemoryDomainEvents().subscribe([ApiTokenCreated], {
      handle: async (event) => {
        if (failAudit) throw new Error('audit trail unavailable');
        audited.push(event);
      },
    });
    handler = new CreateApiTokenHandler(
      new MikroOrmUnitOfWork(orm.em),
      new SystemClock(),
      new MikroOrmApiTokenRepository(orm.em),
      new SequentialTokenSecrets(),
      events,
    );
  });
  afterAll(() => orm.close());

  beforeEach(() => {
    audited = [];
    failAudit = false;
    accountId = `00000000-0000-4000-8000-${String(++account).padStart(12, '0')}`;
  });

  const create = (credentialVersion: number) =>
    handler.execute(
      new CreateApiTokenCommand(
        accountId,
        '10000000-0000-4000-8000-000000000001',
        'ci',
        null,
        { clientIp: '203.0.113.9', userAgent: null },
        credentialVersion,
      ),
    );
  const storedTokens = () =>
    orm.em
      .fork()
      .execute<Array<{ id: string; credential_version: number }>>('select id, credential_version from api_tokens where account_id = ?', [
        accountId,
      ]);
  /** An expiry of the account that has taken the credential-version lock and holds it until `commit` is called. */
  async function expiryHoldingTheLock(): Promise<{ commit: () => Promise<void> }> {
    let commit!: () => void;
    let locked!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const done = orm.em.fork().transactional(async (em) => {
      await new MikroOrmCredentialVersionRepository(em).advance(accountId);
      locked();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await hasLock;
    return { commit: () => (commit(), done) };
  }

  it('stores the token in the asking credential’s era, with its audit event', async () => {
    const created = await create(1);
    await expect(storedTokens()).resolves.toEqual([{ id: created.id, credential_version: 1 }]);
    expect(audited).toEqual([expect.objectContaining({ type: 'ApiTokenCreated', apiTokenId: created.id, name: 'ci' })]);
  });

  it('is refused, storing nothing, once an expiry has advanced the account’s credential version', async () => {
    await (await expiryHoldingTheLock()).commit();
    await expect(create(1)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(storedTokens()).resolves.toEqual([]);
    expect(audited).toEqual([]);
    await expect(create(2)).resolves.toMatchObject({ name: 'ci' });
  });

  it('waits for an expiry that holds the lock, then finds its era closed', async () => {
    const expiry = await expiryHoldingTheLock();
    let settled = false;
    const creation = create(1).finally(() => (settled = true));
    creation.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await expiry.commit();
    await expect(creation).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(storedTokens()).resolves.toEqual([]);
  });

  it('stores nothing when the audit event cannot be written in the same transaction', async () => {
    failAudit = true;
    await expect(create(1)).rejects.toThrow('audit trail unavailable');
    await expect(storedTokens()).resolves.toEqual([]);
  });
});
