import { randomUUID } from 'node:crypto';
import { TestStack } from '../support/test-stack.js';
import { bearer, openSession } from './open-session.js';

describe('refresh tokens and sessions', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
  });
  afterAll(() => stack.close());

  const me = (token: string) =>
    stack
      .http()
      .get('/v1/me/sessions')
      .set(...bearer(token));
  const refresh = (refreshToken: string) => stack.http().post('/v1/auth/refresh').send({ refreshToken });

  it('rotates the refresh token: a new pair, the same session, and the old access token still works', async () => {
    const signedIn = await openSession(stack.api);
    const response = await refresh(signedIn.refreshToken).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: expect.any(String),
      sessionId: signedIn.sessionId,
    });
    expect(response.body.refreshToken).not.toBe(signedIn.refreshToken);
    await me(response.body.accessToken).expect(200);
    await me(signedIn.accessToken).expect(200);
  });

  it('ends the whole session when a used refresh token is presented again', async () => {
    const signedIn = await openSession(stack.api);
    const rotated = await refresh(signedIn.refreshToken).expect(200);

    const reuse = await refresh(signedIn.refreshToken).expect(401);
    expect(reuse.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reuse.body.code).toBe('UNAUTHENTICATED');

    await refresh(rotated.body.refreshToken).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(signedIn.accessToken).expect(401);
  });

  it('lets exactly one of 20 parallel refreshes with the same token succeed', async () => {
    const signedIn = await openSession(stack.api);
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(signedIn.refreshToken)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(401)]);
    // The other 19 were reuse of a spent token: the session is over, the winner's pair included.
    const winner = answers.find((a) => a.status === 200)!;
    await me(winner.body.accessToken).expect(401);
  });

  it('refuses unknown and malformed refresh tokens with 401 or 400, never 500', async () => {
    await refresh('not-a-token').expect(401);
    const missing = await stack.http().post('/v1/auth/refresh').send({}).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    await stack.http().post('/v1/auth/refresh').send({ refreshToken: 'x', extra: 1 }).expect(400);
    await stack.http().post('/v1/auth/refresh').send({ refreshToken: 42 }).expect(400);
  });

  it('signs out: the access token answers 401 at once, and the refresh token is dead', async () => {
    const signedIn = await openSession(stack.api);
    await me(signedIn.accessToken).expect(200);
    await stack
      .http()
      .post('/v1/auth/sign-out')
      .set(...bearer(signedIn.accessToken))
      .expect(204);
    const after = await me(signedIn.accessToken).expect(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    await refresh(signedIn.refreshToken).expect(401);
  });

  it('lists the open sessions of the account, marking the current one', async () => {
    const first = await openSession(stack.api);
    const second = await openSession(stack.api, first);
    await openSession(stack.api); // another account's session is never listed
    const response = await me(second.accessToken).expect(200);
    expect(response.body).toHaveLength(2);
    expect(response.body).toEqual(
      expect.arrayContaining([
        {
          id: second.sessionId,
          createdAt: expect.any(String),
          lastUsedAt: expect.any(String),
          expiresAt: expect.any(String),
          clientIp: '203.0.113.7',
          userAgent: 'jest',
          current: true,
        },
        expect.objectContaining({ id: first.sessionId, current: false }),
      ]),
    );
  });

  it('ends another session of the account with DELETE /v1/me/sessions/{id}', async () => {
    const laptop = await openSession(stack.api);
    const phone = await openSession(stack.api, laptop);
    await stack
      .http()
      .delete(`/v1/me/sessions/${phone.sessionId}`)
      .set(...bearer(laptop.accessToken))
      .expect(204);
    await me(phone.accessToken).expect(401);
    await refresh(phone.refreshToken).expect(401);
    const list = await me(laptop.accessToken).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([laptop.sessionId]);
  });

  it("answers 404 for another account's or an unknown session, 400 for a malformed id", async () => {
    const mine = await openSession(stack.api);
    const theirs = await openSession(stack.api);
    const foreign = await stack
      .http()
      .delete(`/v1/me/sessions/${theirs.sessionId}`)
      .set(...bearer(mine.accessToken))
      .expect(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    await me(theirs.accessToken).expect(200);
    await stack
      .http()
      .delete(`/v1/me/sessions/${randomUUID()}`)
      .set(...bearer(mine.accessToken))
      .expect(404);
    const malformed = await stack
      .http()
      .delete('/v1/me/sessions/not-a-uuid')
      .set(...bearer(mine.accessToken))
      .expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses missing, malformed and forged bearer tokens with 401 problem JSON', async () => {
    const signedIn = await openSession(stack.api);
    const [header, payload] = signedIn.accessToken.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: randomUUID() })).toString('base64url')}.${signedIn.accessToken.split('.')[2]}`;
    for (const authorization of [
      undefined,
      'Bearer',
      'Basic abc',
      `Bearer ${unsigned}`,
      `Bearer ${tampered}`,
      'Bearer lk_nope',
      `Bearer ${'a'.repeat(5000)}`,
    ]) {
      const request = stack.http().get('/v1/me/sessions');
      const response = await (authorization ? request.set('authorization', authorization) : request).expect(401);
      expect(response.body).toEqual(expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }));
    }
  });
});
