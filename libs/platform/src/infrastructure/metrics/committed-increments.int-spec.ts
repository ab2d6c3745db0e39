import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../../../../test/support/test-database.js';
import { loadConfig } from '../config/app-config.js';
import { AfterCommit } from '../persistence/after-commit.js';
import { databaseOptions } from '../persistence/database-options.js';
import { CommittedIncrements } from './committed-increments.js';

/** A counter moved by a subscriber inside a transaction moves only if that transaction commits. */
describe('CommittedIncrements (real PostgreSQL)', () => {
  let orm: MikroORM;
  let increments: CommittedIncrements;
  let counted: string[];

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: await createTestDatabase(), LOG_LEVEL: 'silent' });
    orm = await MikroORM.init(databaseOptions(config));
    const afterCommit = new AfterCommit(orm, orm.em);
    afterCommit.onApplicationBootstrap();
    increments = new CommittedIncrements(afterCommit);
  });
  afterAll(() => orm.close());
  beforeEach(() => (counted = []));

  it('counts once the transaction has committed, not before', async () => {
    await orm.em.transactional(async () => {
      increments.add(() => counted.push('signed in'));
      increments.add(() => counted.push('locked'));
      expect(counted).toEqual([]);
    });
    expect(counted).toEqual(['signed in', 'locked']);
  });

  it('counts nothing when the transaction rolls back', async () => {
    await expect(
      orm.em.transactional(async () => {
        increments.add(() => counted.push('signed in'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await orm.em.transactional(async () => undefined);
    expect(counted).toEqual([]);
  });

  it('counts at once outside a transaction: the change is already final', () => {
    increments.add(() => counted.push('outside'));
    expect(counted).toEqual(['outside']);
  });
});
