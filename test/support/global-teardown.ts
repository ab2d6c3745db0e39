import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.LATCHKEY_TEST_RUN;
  if (!run) return;
  const client = new Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${run}\\_%`]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}
