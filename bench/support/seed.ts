import type { ApiClient } from './api-client.js';
import { query } from './bench-database.js';

/** Every seeded account shares this password: 30 printable characters that pass the default policy. */
export const SEED_PASSWORD = 'Kx7#mQ2$vR9!pL4&wT6*zN8@bF5^hJ';
export const SEED_DOMAIN = 'bench.example';

export const seedEmail = (index: number) => `u${index}@${SEED_DOMAIN}`;

/** Accounts of the main installation. Sign-in loads use `u0…u899`; the figures that change passwords use the rest. */
export const MAIN_ACCOUNTS = 1_000;
export const SIGN_IN_ACCOUNTS = 900;

export interface SeededOrganization {
  name: string;
  templateAccountId: string;
}

/** Creates an organization and its account `u0@…` through the admin API (the hash is the API's own). */
export async function seedOrganization(client: ApiClient, name: string): Promise<SeededOrganization> {
  await client.admin(201, 'POST', '/v1/organizations', { name });
  const account = await client.admin<{ id: string }>(201, 'POST', `/v1/organizations/${name}/accounts`, {
    email: seedEmail(0),
    password: SEED_PASSWORD,
  });
  return { name, templateAccountId: account.id };
}

/**
 * Adds accounts `u1…u{count-1}` in one `insert … select generate_series`, copying the template
 * account's row (and so its argon2id hash: hashing 100,000 passwords would take an hour). Built
 * from the table's own columns, so it follows identity's migration: `id` gets a new UUID, every
 * column whose name mentions `email` gets the new address, everything else is copied.
 */
export async function cloneAccounts(database: string, templateAccountId: string, count: number): Promise<void> {
  if (count <= 1) return;
  const columns = await query<{ column_name: string; data_type: string }>(
    database,
    "select column_name, data_type from information_schema.columns where table_schema = 'public' and table_name = 'accounts' order by ordinal_position",
  );
  if (columns.length === 0) throw new Error('no accounts table: identity has not landed its migration');
  const names = columns.map((c) => `"${c.column_name}"`).join(', ');
  const values = columns
    .map(({ column_name: name, data_type: type }) => {
      if (name === 'id') return type === 'uuid' ? 'gen_random_uuid()' : 'gen_random_uuid()::text';
      if (name.includes('email')) return `'u' || g || '@${SEED_DOMAIN}'`;
      return `t."${name}"`;
    })
    .join(', ');
  await query(database, `insert into accounts (${names}) select ${values} from accounts t, generate_series(1, $2) g where t.id = $1`, [
    templateAccountId,
    count - 1,
  ]);
  await query(database, 'analyze accounts');
}
