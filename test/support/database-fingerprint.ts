import { Client } from 'pg';

/**
 * A digest of every row of every table (but the migrations'), to prove that a request changed
 * nothing. Test databases are small, so hashing them whole is cheap.
 */
export async function databaseFingerprint(databaseUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1`,
    );
    const fingerprint: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ digest: string | null; count: string }>(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as count from "${name}" t`,
      );
      fingerprint[name] = `${rows[0].count}:${rows[0].digest}`;
    }
    return fingerprint;
  } finally {
    await client.end();
  }
}
