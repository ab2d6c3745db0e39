import { randomUUID } from 'node:crypto';
import { EntitySchema, UniqueConstraintViolationException } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../../../../test/support/test-database.js';
import { loadConfig } from '../config/app-config.js';
import { databaseOptions } from './database-options.js';
import { entityColumns, PreparedStatement } from './prepared-statement.js';

class Note {
  id!: string;
  body!: string;
  writtenAt!: Date;
}
const NoteSchema = new EntitySchema<Note>({
  class: Note,
  tableName: 'prepared_statement_notes',
  properties: { id: { type: 'uuid', primary: true }, body: { type: 'text' }, writtenAt: { type: 'Date', fieldName: 'written_at' } },
});

/** What the hot paths rely on: prepared once per connection, on the transaction's connection inside one, errors as the ORM's. */
describe('PreparedStatement (real PostgreSQL)', () => {
  let orm: MikroORM;
  const insert = new PreparedStatement('insert into prepared_statement_notes (id, body, written_at) values ($1, $2, $3)');
  const byId = new PreparedStatement<{ body: string; written_at: string }>(
    'select body, written_at from prepared_statement_notes where id = $1',
  );
  const mapped = new PreparedStatement((em) => `select ${entityColumns(em, Note)} from prepared_statement_notes where id = $1`);

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: await createTestDatabase(), LOG_LEVEL: 'silent' });
    orm = await MikroORM.init({ ...databaseOptions(config, { pool: { min: 0, max: 4 } }), entities: [NoteSchema] });
    await orm.em
      .getConnection()
      .execute('create table prepared_statement_notes (id uuid primary key, body text not null, written_at timestamptz not null)');
  });
  afterAll(() => orm.close());

  it('answers with the rows, and PostgreSQL keeps the statement parsed for the next run on that connection', async () => {
    const id = randomUUID();
    await insert.run(orm.em, [id, 'first', new Date('2026-01-02T03:04:05.678Z')]);
    expect(await byId.run(orm.em, [id])).toEqual([{ body: 'first', written_at: expect.any(String) }]);
    expect(new Date((await byId.run(orm.em, [id]))[0].written_at).toISOString()).toBe('2026-01-02T03:04:05.678Z');

    // In a transaction, so that the statements and the catalogue's answer share one connection.
    const prepared = await orm.em.fork().transactional(async (tx) => {
      await byId.run(tx, [id]);
      return tx.execute<Array<{ statement: string }>>('select statement from pg_prepared_statements where not from_sql');
    });
    expect(prepared.map((row) => row.statement)).toEqual(expect.arrayContaining([expect.stringContaining('select body, written_at')]));
  });

  it("runs inside the caller's transaction: sees its uncommitted rows, and its writes roll back with it", async () => {
    const [seen, written] = [randomUUID(), randomUUID()];
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx.execute(`insert into prepared_statement_notes (id, body, written_at) values (?, 'uncommitted', now())`, [seen]);
        // Another pooled connection could not see this row.
        expect(await byId.run(tx, [seen])).toEqual([expect.objectContaining({ body: 'uncommitted' })]);
        await insert.run(tx, [written, 'rolled back', new Date()]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await byId.run(orm.em, [seen])).toEqual([]);
    expect(await byId.run(orm.em, [written])).toEqual([]);
  });

  it("fails as the ORM's statements fail: a duplicate key is the ORM's unique-constraint error", async () => {
    const id = randomUUID();
    await insert.run(orm.em, [id, 'once', new Date()]);
    await expect(insert.run(orm.em, [id, 'twice', new Date()])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it("selects the entity's columns by name, so a column added while the process runs does not break it", async () => {
    const id = randomUUID();
    await insert.run(orm.em, [id, 'mapped', new Date('2026-03-04T05:06:07.000Z')]);
    const [row] = await mapped.run(orm.em, [id]);
    const note = orm.em.fork().map(Note, row);
    expect({ id: note.id, body: note.body, writtenAt: new Date(note.writtenAt).toISOString() }).toEqual({
      id,
      body: 'mapped',
      writtenAt: '2026-03-04T05:06:07.000Z',
    });

    await orm.em.getConnection().execute('alter table prepared_statement_notes add column added_later text');
    expect(await mapped.run(orm.em, [id])).toEqual([row]);
  });
});
