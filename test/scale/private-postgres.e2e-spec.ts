import { Client } from 'pg';
import { PrivatePostgres } from '../support/private-postgres.js';

async function count(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from notes');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function insert(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the private PostgreSQL primary and replica of the harness', () => {
  let postgres: PrivatePostgres;

  beforeAll(async () => {
    postgres = await PrivatePostgres.startWithReplica();
    await postgres.createDatabase('notes');
    await insert(postgres.primaryUrl('notes'), 'create table notes (id int primary key)');
    await postgres.waitForReplay();
  });
  afterAll(() => postgres?.stop());

  it('streams the primary to the replica, which refuses writes', async () => {
    await insert(postgres.primaryUrl('notes'), 'insert into notes values (1)');
    await postgres.waitForReplay();
    expect(await count(postgres.replicaUrl('notes'))).toBe(1);
    await expect(insert(postgres.replicaUrl('notes'), 'insert into notes values (2)')).rejects.toThrow(/read-only transaction/);
  });

  it('lags on demand while replay is paused, and catches up when it resumes', async () => {
    await postgres.pauseReplay();
    await insert(postgres.primaryUrl('notes'), 'insert into notes values (3)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await count(postgres.primaryUrl('notes'))).toBe(2);
    expect(await count(postgres.replicaUrl('notes'))).toBe(1);
    await postgres.resumeReplay();
    await postgres.waitForReplay();
    expect(await count(postgres.replicaUrl('notes'))).toBe(2);
  });
});
