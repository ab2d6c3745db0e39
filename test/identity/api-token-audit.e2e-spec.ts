import { adminAuth, createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

/** docs/api.md#audit-trail: creating and revoking an API token are security events, with address and user agent. */
describe('audit trail of API tokens', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await TestStack.start({ worker: false })));
  afterAll(() => stack?.close());

  it('records api-token.created and api-token.revoked without the secret', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const { accessToken } = await signIn(stack, account);
    const created = await stack
      .http()
      .post('/v1/me/api-tokens')
      .set('authorization', `Bearer ${accessToken}`)
      .set('user-agent', 'audit-probe/1.0')
      .send({ name: 'deploy' })
      .expect(201);
    await stack.http().delete(`/v1/me/api-tokens/${created.body.id}`).set('authorization', `Bearer ${accessToken}`).expect(204);

    const trail = await stack
      .http()
      .get(`/v1/organizations/${organization}/security-events?accountId=${account.id}`)
      .set('authorization', adminAuth(stack))
      .expect(200);
    const types = trail.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 2)).toEqual(['api-token.revoked', 'api-token.created']);
    const createdEvent = trail.body.events[1];
    expect(createdEvent).toMatchObject({
      accountId: account.id,
      userAgent: 'audit-probe/1.0',
      details: { apiTokenId: created.body.id, name: 'deploy' },
    });
    expect(JSON.stringify(trail.body)).not.toContain(created.body.token);
  });
});
