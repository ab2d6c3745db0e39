import { adminAuth, createAccount, createOrganization, signIn, uniqueName } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from './close-stack.js';

describe('administration, the public policy and the audit trail (docs/api.md)', () => {
  let stack: TestStack;
  let organization: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    organization = await createOrganization(stack);
  });
  afterAll(() => closeStack(stack));

  const admin = () => adminAuth(stack);

  it('accepts only the administration key, compared whole; the service key is refused', async () => {
    await stack.http().post('/v1/organizations').send({ name: uniqueName() }).expect(401);
    await stack
      .http()
      .post('/v1/organizations')
      .set('authorization', `Bearer ${stack.config.SERVICE_API_KEY}`)
      .send({ name: uniqueName() })
      .expect(401);
    await stack.http().post('/v1/organizations').set('authorization', `${admin()}x`).send({ name: uniqueName() }).expect(401);
    const created = await stack
      .http()
      .post('/v1/organizations')
      .set('authorization', admin())
      .send({ name: 'acme-corp', displayName: 'Acme Corp' })
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'acme-corp', displayName: 'Acme Corp', createdAt: expect.any(String) });
  });

  it('refuses bad and duplicate names', async () => {
    for (const name of ['AB', 'Upper-Case', 'under_score', 'x'.repeat(64)]) {
      const response = await stack.http().post('/v1/organizations').set('authorization', admin()).send({ name }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    }
    const response = await stack.http().post('/v1/organizations').set('authorization', admin()).send({ name: organization }).expect(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it('keeps e-mails unique per organization, whatever their case', async () => {
    await createAccount(stack, organization, 'Dup@Example.com');
    const response = await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts`)
      .set('authorization', admin())
      .send({ email: 'dup@example.COM', password: 'Plum-korb!7' })
      .expect(409);
    expect(response.body.code).toBe('CONFLICT');
    await createAccount(stack, await createOrganization(stack), 'dup@example.com');
  });

  it('checks the password of a new account against the policy', async () => {
    const response = await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts`)
      .set('authorization', admin())
      .send({ email: 'weak@example.com', password: 'password' })
      .expect(422);
    expect(response.body).toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
      violations: expect.arrayContaining([{ code: 'COMMON', message: expect.any(String) }]),
    });
  });

  it('answers 404 for unknown organizations and accounts', async () => {
    await stack
      .http()
      .post('/v1/organizations/no-such-org/accounts')
      .set('authorization', admin())
      .send({ email: 'a@example.com' })
      .expect(404);
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/not-a-uuid/require-reset`)
      .set('authorization', admin())
      .expect(404);
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/00000000-0000-4000-8000-000000000000/expire-sessions`)
      .set('authorization', admin())
      .expect(404);
    const elsewhere = await createAccount(stack, await createOrganization(stack));
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/${elsewhere.id}/expire-sessions`)
      .set('authorization', admin())
      .expect(404);
    await stack.http().get('/v1/organizations/no-such-org/password-policy').expect(404);
  });

  it('publishes the policy, lets an administrator change it within the limits, and checks passwords with it', async () => {
    const policy = await stack.http().get(`/v1/organizations/${organization}/password-policy`).expect(200);
    expect(policy.body).toMatchObject({ minLength: 9, maxLength: 30, historyDepth: 3, lockoutThreshold: 5 });
    expect(policy.body.rules.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['LENGTH', 'SEQUENTIAL', 'COMMON', 'REUSED']),
    );

    const bad = await stack
      .http()
      .put(`/v1/organizations/${organization}/password-policy`)
      .set('authorization', admin())
      .send({ minLength: 8, lockoutThreshold: 11 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lockoutThreshold', 'minLength']);
    const mandatory = await stack
      .http()
      .put(`/v1/organizations/${organization}/password-policy`)
      .set('authorization', admin())
      .send({ disabledRules: ['REUSED'] })
      .expect(400);
    expect(mandatory.body.errors).toEqual([expect.objectContaining({ field: 'disabledRules' })]);
    await stack.http().put(`/v1/organizations/${organization}/password-policy`).send({ minLength: 12 }).expect(401);

    const updated = await stack
      .http()
      .put(`/v1/organizations/${organization}/password-policy`)
      .set('authorization', admin())
      .send({ minLength: 12, disabledRules: ['SEQUENTIAL'] })
      .expect(200);
    expect(updated.body).toMatchObject({ minLength: 12, maxLength: 30 });
    expect(updated.body.rules).toContainEqual(expect.objectContaining({ code: 'SEQUENTIAL', enabled: false }));

    const check = await stack
      .http()
      .post('/v1/password-policy/check')
      .send({ organization, password: 'Abc-1234x', email: 'abc@example.com' })
      .expect(200);
    expect(check.body).toEqual({ ok: false, violations: expect.any(Array) });
    expect(check.body.violations.map((v: { code: string }) => v.code)).toEqual(['LENGTH', 'CONTAINS_IDENTITY']);
    const good = await stack.http().post('/v1/password-policy/check').send({ organization, password: 'Plum-korb!7abc' }).expect(200);
    expect(good.body).toEqual({ ok: true, violations: [] });
  });

  it('documents every identity route in the OpenAPI document', async () => {
    const { body } = await stack.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/organizations',
        '/v1/organizations/{organization}/password-policy',
        '/v1/organizations/{organization}/accounts',
        '/v1/organizations/{organization}/accounts/{id}/expire-sessions',
        '/v1/organizations/{organization}/accounts/{id}/require-reset',
        '/v1/organizations/{organization}/security-events',
        '/v1/password-policy/check',
        '/v1/auth/sign-in',
        '/v1/password-resets',
        '/v1/password-resets/verify',
        '/v1/password-resets/confirm',
        '/v1/me',
        '/v1/me/password',
      ]),
    );
    expect(body.paths['/v1/auth/sign-in'].post.responses['200'].content['application/json'].schema.$ref).toMatch(/SignInResponse$/);
  });

  it('records the audit trail of a sign-in story, newest first, paged by event id', async () => {
    const story = await createOrganization(stack);
    const account = await createAccount(stack, story);
    const wrong = { organization: story, email: account.email, password: 'Wrong-Password-1' };
    await stack.http().post('/v1/auth/sign-in').set('user-agent', 'audit-test/1.0').send(wrong).expect(401);
    await signIn(stack, account);
    for (let i = 0; i < 5; i++) await stack.http().post('/v1/auth/sign-in').send(wrong);
    await stack
      .http()
      .post('/v1/auth/sign-in')
      .send({ ...wrong, email: 'ghost@example.com' })
      .expect(401);

    const events = await stack.http().get(`/v1/organizations/${story}/security-events`).set('authorization', admin()).expect(200);
    const types = events.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'sign-in.failed', // ghost
      'account.locked',
      'sign-in.failed',
      'sign-in.failed',
      'sign-in.failed',
      'sign-in.failed',
      'sign-in.failed',
      'sign-in.succeeded',
      'sign-in.failed',
      'account.created',
      'organization.created',
    ]);
    expect(events.body.events[0]).toMatchObject({ accountId: null, details: { reason: 'unknown-account' } });
    expect(events.body.events.at(-3)).toMatchObject({ accountId: account.id, userAgent: 'audit-test/1.0', clientIp: expect.any(String) });
    expect(JSON.stringify(events.body)).not.toContain('Wrong-Password-1');
    expect(JSON.stringify(events.body)).not.toContain(account.password);

    const first = await stack
      .http()
      .get(`/v1/organizations/${story}/security-events?limit=4&accountId=${account.id}`)
      .set('authorization', admin())
      .expect(200);
    expect(first.body.events).toHaveLength(4);
    const second = await stack
      .http()
      .get(`/v1/organizations/${story}/security-events?limit=4&accountId=${account.id}&before=${first.body.nextBefore}`)
      .set('authorization', admin())
      .expect(200);
    const third = await stack
      .http()
      .get(`/v1/organizations/${story}/security-events?limit=4&accountId=${account.id}&before=${second.body.nextBefore}`)
      .set('authorization', admin())
      .expect(200);
    const paged = [...first.body.events, ...second.body.events, ...third.body.events].map((e: { id: string }) => e.id);
    const all = events.body.events.filter((e: { accountId: string | null }) => e.accountId === account.id).map((e: { id: string }) => e.id);
    expect(paged).toEqual(all);
    expect(third.body.nextBefore).toBeNull();

    const locked = await stack
      .http()
      .get(`/v1/organizations/${story}/security-events?type=account.locked`)
      .set('authorization', admin())
      .expect(200);
    expect(locked.body.events).toHaveLength(1);
    await stack.http().get(`/v1/organizations/${story}/security-events?limit=201`).set('authorization', admin()).expect(400);
    await stack.http().get(`/v1/organizations/${story}/security-events?before=yesterday`).set('authorization', admin()).expect(400);
    await stack.http().get(`/v1/organizations/${story}/security-events`).expect(401);
  });
});
