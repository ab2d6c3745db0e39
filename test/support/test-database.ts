import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, migrateDatabase } from '#libs/platform';
import { MIGRATIONS } from '../../migrations/index.js';
import { serverUrl } from './postgres-admin.js';

/** The first file to ask migrates the run's template; an advisory lock makes the others wait for it. */
async function ensureTemplate(run: string): Promise<string> {
  const template = `${run}_template`;
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [template]);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [template]);
    if (!rowCount) {
      await migrateDatabase(loadConfig({ DATABASE_URL: serverUrl(template), LOG_LEVEL: 'silent' }), MIGRATIONS);
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
        template,
      ]);
    }
    await client.query('select pg_advisory_unlock(hashtext($1))', [template]);
    return template;
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of this test run, cloned from the run's template. */
export async function createTestDatabase(): Promise<string> {
  const run = process.env.LATCHKEY_TEST_RUN ?? `lkt_solo_${randomBytes(3).toString('hex')}`;
  process.env.LATCHKEY_TEST_RUN = run;
  const template = await ensureTemplate(run);
  const name = `${run}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`create database "${name}" template "${template}"`);
  } finally {
    await client.end();
  }
  return serverUrl(name);
}
