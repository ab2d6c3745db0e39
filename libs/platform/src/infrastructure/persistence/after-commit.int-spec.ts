import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../../../../test/support/test-database.js';
import { loadConfig } from '../config/app-config.js';
import { AfterCommit, type AfterCommitWork } from './after-commit.js';
import { databaseOptions } from './database-options.js';

/** The works of these tests collect names, and on commit log them with what another connection sees of the row. */
describe('AfterCommit (real PostgreSQL)', () => {
  let orm: MikroORM;
  let afterCommit: AfterCommit;
  let log: string[];

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: await createTestDatabase(), LOG_LEVEL: 'silent' });
    orm = await MikroORM.init(databaseOptions(config));
    afterCommit = new AfterCommit(orm, orm.em);
    afterCommit.onApplicationBootstrap();
  });
  afterAll(() => orm.close());
  beforeEach(() => (log = []));

  const visible = async (id: string) => (await orm.em.fork().execute('select 1 from outbox where id = ?', [id])).length === 1;
  const insertRow = (em: { execute: MikroORM['em']['execute'] }, id: string) =>
    em.execute(`insert into outbox (id, queue, name, payload) values (?, 'after-commit-test', 'job', '{}')`, [id]);

  function work(label: string, rowId: string, fail = false): AfterCommitWork<string[]> {
    return {
      open: () => [],
      committed: async (names) => {
        log.push(`${label} ${names.join(',')} row ${(await visible(rowId)) ? 'visible' : 'missing'}`);
        if (fail) throw new Error(`${label} failed`);
      },
    };
  }

  it('runs the work once the transaction has committed, before the transaction resolves, with what it collected', async () => {
    const id = randomUUID();
    const caches = work('caches', id);
    await orm.em.fork().transactional(async (tx) => {
      await insertRow(tx, id);
      afterCommit.collect(caches, tx)!.push('a');
      // The current context's transaction by default, as the unit of work's repositories see it.
      afterCommit.collect(caches)!.push('b');
      log.push('in transaction');
    });
    log.push('resolved');
    expect(log).toEqual(['in transaction', 'caches a,b row visible', 'resolved']);
  });

  it('does nothing when the transaction rolls back, and nothing later either', async () => {
    const id = randomUUID();
    const caches = work('caches', id);
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await insertRow(tx, id);
        afterCommit.collect(caches, tx)!.push('a');
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await orm.em.fork().transactional(async (tx) => insertRow(tx, randomUUID()));
    expect(log).toEqual([]);
  });

  it('collects nothing outside a transaction', () => {
    expect(afterCommit.collect(work('caches', randomUUID()), orm.em.fork())).toBeUndefined();
  });

  it('runs the works of one transaction in the order they were first collected; one failing does not stop the others, and its error reaches the caller', async () => {
    const id = randomUUID();
    const [first, second] = [work('first', id, true), work('second', id)];
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await insertRow(tx, id);
        afterCommit.collect(first, tx)!.push('a');
        afterCommit.collect(second, tx)!.push('b');
        afterCommit.collect(first, tx)!.push('c');
      }),
    ).rejects.toThrow('first failed');
    expect(log).toEqual(['first a,c row visible', 'second b row visible']);
    expect(await visible(id)).toBe(true);
  });
});
