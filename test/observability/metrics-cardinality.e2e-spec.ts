import { randomUUID } from 'node:crypto';
import { createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { parsePrometheusText } from '../support/prometheus-text.js';
import { TestStack } from '../support/test-stack.js';

/**
 * docs/operations.md#metrics: labels come from fixed lists, so requests naming ever new ids, paths
 * and accounts add no series — the number of series of Latchkey's own metrics stays the same.
 */
describe('metrics: bounded label cardinality', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
  });
  afterAll(() => stack?.close());

  async function ownSeries(): Promise<string[]> {
    const families = parsePrometheusText((await stack.http().get('/metrics').expect(200)).text);
    return [...families.values()]
      .filter((family) => !/^latchkey_(process_|nodejs_)/.test(family.name))
      .flatMap((family) => family.samples.map((sample) => `${sample.name}${JSON.stringify(sample.labels)}`))
      .sort();
  }

  async function round(organization: string): Promise<void> {
    const account = await createAccount(stack, organization);
    const { accessToken } = await signIn(stack, account);
    await stack.http().get('/v1/me').set('authorization', `Bearer ${accessToken}`).expect(200);
    await stack.http().post('/v1/auth/sign-in').send({ organization, email: account.email, password: 'wrong-password' }).expect(401);
    await stack
      .http()
      .post('/v1/auth/sign-in')
      .send({ organization, email: `${randomUUID()}@example.com`, password: 'x' })
      .expect(401);
    await stack.http().get(`/v1/${randomUUID()}/${randomUUID()}`).expect(404);
    await stack.http().post(`/v1/organizations/${randomUUID()}/accounts`).set('authorization', 'Bearer nope').send({}).expect(401);
    await stack.http().get('/v1/me').set('authorization', `Bearer lk_${randomUUID()}`).expect(401);
    await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);
  }

  it('adds no series for new accounts, ids, tokens or paths', async () => {
    const organization = await createOrganization(stack);
    await ownSeries(); // GET /metrics itself is one of the routes
    await round(organization); // every route, method and status of the rounds seen once
    const before = await ownSeries();
    for (let i = 0; i < 15; i++) await round(organization);
    const after = await ownSeries();
    expect(after).toEqual(before);
    expect(before.some((series) => series.includes('"route":"unmatched"'))).toBe(true);
    expect(before.join('\n')).not.toMatch(/@example\.com|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
