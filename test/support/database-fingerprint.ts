import { Client } from 'pg';

/**
 * A digest of every row of every table (but the migrations'), to prove that a request changed
 * nothing. Test databases are small, so hashing them whole is cheap. `last_used_at` columns are
 * left out: an authenticated request touches them before its body is even read, by design.
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
      const { rows: columns } = await client.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name <> 'last_used_at' order by ordinal_position`,
        [name],
      );
      const row = `row(${columns.map((c) => `t."${c.column_name}"`).join(', ')})::text`;
      const { rows } = await client.query<{ digest: string | null; count: string }>(
        `select md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest, count(*) as count from "${name}" t`,
      );
      fingerprint[name] = `${rows[0].count}:${rows[0].digest}`;
    }
    return fingerprint;
  } finally {
    await client.end();
  }
}
