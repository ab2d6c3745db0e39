import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { bearer, openSession } from './open-session.js';

describe('API tokens and introspection', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });
  afterAll(() => stack.close());

  const createToken = (accessToken: string, body: Record<string, unknown>) =>
    stack
      .http()
      .post('/v1/me/api-tokens')
      .set(...bearer(accessToken))
      .send(body);
  const introspect = (token: string, key = stack.config.SERVICE_API_KEY) =>
    stack.http().post('/v1/tokens/introspect').set('authorization', `Bearer ${key}`).send({ token });

  it('lives through create, use, list with lastUsedAt, and revoke', async () => {
    const signedIn = await openSession(stack.api);
    const created = await createToken(signedIn.accessToken, { name: 'deploy script', expiresInDays: 30 }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'deploy script',
      token: expect.stringMatching(/^lk_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const days = (Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)) / 86_400_000;
    expect(days).toBe(30);

    const fresh = await stack
      .http()
      .get('/v1/me/api-tokens')
      .set(...bearer(signedIn.accessToken))
      .expect(200);
    expect(fresh.body).toEqual([expect.objectContaining({ id: created.body.id, lastUsedAt: null })]);

    const used = await stack
      .http()
      .get('/v1/me/sessions')
      .set(...bearer(created.body.token))
      .expect(200);
    expect(used.body.every((s: { current: boolean }) => !s.current)).toBe(true);

    const listed = await eventually(
      async () => {
        const response = await stack
          .http()
          .get('/v1/me/api-tokens')
          .set(...bearer(created.body.token))
          .expect(200);
        return response.body[0].lastUsedAt ? response.body : undefined;
      },
      'lastUsedAt to be recorded',
      10_000,
    );
    expect(listed).toEqual([
      {
        id: created.body.id,
        name: 'deploy script',
        prefix: created.body.token.slice(0, 9),
        createdAt: created.body.createdAt,
        expiresAt: created.body.expiresAt,
        lastUsedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.body.token);

    await stack
      .http()
      .delete(`/v1/me/api-tokens/${created.body.id}`)
      .set(...bearer(signedIn.accessToken))
      .expect(204);
    const refused = await stack
      .http()
      .get('/v1/me/sessions')
      .set(...bearer(created.body.token))
      .expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    const after = await stack
      .http()
      .get('/v1/me/api-tokens')
      .set(...bearer(signedIn.accessToken))
      .expect(200);
    expect(after.body).toEqual([]);
    await stack
      .http()
      .delete(`/v1/me/api-tokens/${created.body.id}`)
      .set(...bearer(signedIn.accessToken))
      .expect(404);
  });

  it('validates the request: name 1–100 characters, expiresInDays 1–365, nothing else', async () => {
    const { accessToken } = await openSession(stack.api);
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'a', expiresInDays: 0 },
      { name: 'a', expiresInDays: 366 },
      { name: 'a', expiresInDays: 1.5 },
      { name: 'a', scope: 'all' },
      { name: 'a\u0000b' },
    ]) {
      const response = await createToken(accessToken, body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    await createToken(accessToken, { name: '배포 토큰 ✓' }).expect(201);
  });

  it('does not let an API token create another one (403)', async () => {
    const { accessToken } = await openSession(stack.api);
    const created = await createToken(accessToken, { name: 'ci' }).expect(201);
    const response = await createToken(created.body.token, { name: 'successor' }).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it("cannot revoke another account's token", async () => {
    const mine = await openSession(stack.api);
    const theirs = await openSession(stack.api);
    const token = await createToken(theirs.accessToken, { name: 'theirs' }).expect(201);
    await stack
      .http()
      .delete(`/v1/me/api-tokens/${token.body.id}`)
      .set(...bearer(mine.accessToken))
      .expect(404);
    await stack
      .http()
      .get('/v1/me/sessions')
      .set(...bearer(token.body.token))
      .expect(200);
  });

  it('introspects access and API tokens for a service holding the service key', async () => {
    const signedIn = await openSession(stack.api);
    const access = await introspect(signedIn.accessToken).expect(200);
    expect(access.body).toEqual({
      active: true,
      sub: signedIn.accountId,
      org: signedIn.organizationId,
      sid: signedIn.sessionId,
      token_type: 'access_token',
      exp: expect.any(Number),
      iat: expect.any(Number),
      jti: expect.any(String),
    });
    expect(access.body.exp - access.body.iat).toBe(900);

    const created = await createToken(signedIn.accessToken, { name: 'svc' }).expect(201);
    const api = await introspect(created.body.token).expect(200);
    expect(api.body).toEqual({
      active: true,
      sub: signedIn.accountId,
      org: signedIn.organizationId,
      token_type: 'api_token',
      iat: expect.any(Number),
      jti: created.body.id,
    });

    await stack
      .http()
      .post('/v1/auth/sign-out')
      .set(...bearer(signedIn.accessToken))
      .expect(204);
    expect((await introspect(signedIn.accessToken).expect(200)).body).toEqual({ active: false });
    expect((await introspect(signedIn.refreshToken).expect(200)).body).toEqual({ active: false });
    expect((await introspect('garbage').expect(200)).body).toEqual({ active: false });
  });

  it('refuses introspection without the service key; the admin key is not it (401)', async () => {
    const { accessToken } = await openSession(stack.api);
    const admin = await introspect(accessToken, stack.config.ADMIN_API_KEY).expect(401);
    expect(admin.body.code).toBe('UNAUTHENTICATED');
    await introspect(accessToken, 'wrong-key').expect(401);
    await introspect(accessToken, accessToken).expect(401);
    await stack.http().post('/v1/tokens/introspect').send({ token: accessToken }).expect(401);
  });
});
