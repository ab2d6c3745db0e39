import { Client } from 'pg';

/** The server of DATABASE_URL (or the local default), reached through its `postgres` database. */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T extends object = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
  database = 'postgres',
): Promise<T[]> {
  const client = new Client({ connectionString: serverUrl(database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
