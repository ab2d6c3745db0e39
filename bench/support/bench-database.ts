import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The PostgreSQL server the benchmark uses (BENCH_DATABASE_SERVER_URL, or the local default). */
export function databaseUrl(database: string): string {
  const url = new URL(process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function query<T extends object = Record<string, unknown>>(
  database: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Creates and migrates `template` with the project's own migrate script, as an operator would. */
export async function migrateTemplate(template: string): Promise<void> {
  await run(process.execPath, ['dist/scripts/migrate.js'], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(template), LOG_LEVEL: 'silent' },
  });
}

export async function cloneDatabase(template: string, name: string): Promise<void> {
  await query('postgres', `create database "${name}" template "${template}"`);
}

/** Drops every database whose name starts with `prefix` (the benchmark's own, named per run). */
export async function dropDatabases(prefix: string): Promise<void> {
  const rows = await query<{ datname: string }>('postgres', 'select datname from pg_database where datname like $1', [`${prefix}%`]);
  for (const { datname } of rows) {
    await query('postgres', 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
      datname,
    ]);
    await query('postgres', `drop database if exists "${datname}"`);
  }
}
