import { Client } from 'pg';
import { createTestDatabase } from '../../../../../test/support/test-database.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/**
 * Sign-in, reset and the audit trail must cost the same at 100,000 accounts as at 1,000:
 * every lookup they make is answered from an index, never by scanning a table.
 */
describe('identity lookups at 100,000 accounts in 10,000 organizations', () => {
  const org = '00000000-0000-4000-8000-000000000001';
  let client: Client;
  let account: string;

  beforeAll(async () => {
    client = new Client({ connectionString: await createTestDatabase() });
    await client.connect();
    await client.query("insert into organizations (id, name, display_name) values ($1, 'big-org', 'Big')", [org]);
    await client.query(
      "insert into organizations (id, name, display_name) select gen_random_uuid(), 'org-' || n, 'Org' from generate_series(1, 10000) n",
    );
    await client.query(
      `insert into accounts (id, organization_id, email, email_normalized, status, password_hash)
       select gen_random_uuid(), $1, 'user' || n || '@example.com', 'user' || n || '@example.com', 'active', 'x'
       from generate_series(1, 100000) n`,
      [org],
    );
    await client.query(
      `insert into password_reset_tokens (id, account_id, token_hash, purpose, expires_at)
       select gen_random_uuid(), id, md5(id::text), 'reset', now() + interval '30 minutes' from accounts`,
    );
    await client.query(
      `insert into security_events (id, type, organization_id, account_id, occurred_at, client_ip)
       select gen_random_uuid(), 'sign-in.failed', $1, id, now() - (random() * interval '30 days'), '127.0.0.1' from accounts`,
      [org],
    );
    await client.query('analyze');
    account = (await client.query("select id from accounts where email_normalized = 'user777@example.com'")).rows[0].id;
  }, 120_000);
  afterAll(() => client.end());

  async function scans(sql: string, params: unknown[]): Promise<string[]> {
    const [row] = (await client.query(`explain (format json) ${sql}`, params)).rows as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    return nodes(row['QUERY PLAN'][0].Plan)
      .filter((node) => node['Node Type'] === 'Seq Scan')
      .map((node) => node['Relation Name'] ?? '?');
  }

  it.each([
    ['organization by name', "select * from organizations where name = 'big-org'", []],
    ['account by e-mail', "select * from accounts where organization_id = $1 and email_normalized = 'user5000@example.com' limit 1", [org]],
    ['reset token by hash', "select * from password_reset_tokens where token_hash = md5('x')", []],
    ['outstanding tokens of an account', 'select id from password_reset_tokens where account_id = $1 and used_at is null', ['account']],
    [
      'reset requests of the last hour',
      "select count(*) from password_reset_tokens where account_id = $1 and purpose = 'reset' and created_at > now() - interval '1 hour'",
      ['account'],
    ],
    ['audit trail page', 'select * from security_events where organization_id = $1 order by occurred_at desc, id desc limit 50', [org]],
    [
      'audit trail of an account',
      'select * from security_events where organization_id = $1 and account_id = $2 order by occurred_at desc, id desc limit 50',
      [org, 'account'],
    ],
  ])('finds the %s through an index', async (_name, sql, params) => {
    const bound = (params as string[]).map((param) => (param === 'account' ? account : param));
    expect(await scans(sql as string, bound)).toEqual([]);
  });
});
