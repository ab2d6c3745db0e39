import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { PrivateRedis } from '../support/private-redis.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { bearer, openSession } from './open-session.js';

describe('the guard while Redis is down', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await TestStack.start({ worker: false, env: { REDIS_URL: redis.url, RATE_LIMIT_ENABLED: 'false' } });
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await stack.close();
    await redis.stop();
  });

  const use = (token: string) =>
    stack
      .http()
      .get('/v1/me/sessions')
      .set(...bearer(token));

  it('authenticates from PostgreSQL, still refuses revoked credentials, and keeps refusing them after Redis returns', async () => {
    const kept = await openSession(stack.api);
    const signedOut = await openSession(stack.api);
    const keptToken = (
      await stack
        .http()
        .post('/v1/me/api-tokens')
        .set(...bearer(kept.accessToken))
        .send({ name: 'kept' })
        .expect(201)
    ).body;
    const revokedToken = (
      await stack
        .http()
        .post('/v1/me/api-tokens')
        .set(...bearer(kept.accessToken))
        .send({ name: 'revoked' })
        .expect(201)
    ).body;
    for (const credential of [kept.accessToken, signedOut.accessToken, keptToken.token, revokedToken.token])
      await use(credential).expect(200);

    await redis.stop();
    await stack.http().get('/health').expect(503);
    for (const credential of [kept.accessToken, keptToken.token]) await use(credential).expect(200);
    await stack
      .http()
      .post('/v1/auth/sign-out')
      .set(...bearer(signedOut.accessToken))
      .expect(204);
    await stack
      .http()
      .delete(`/v1/me/api-tokens/${revokedToken.id}`)
      .set(...bearer(kept.accessToken))
      .expect(204);
    await use(signedOut.accessToken).expect(401);
    await use(revokedToken.token).expect(401);
    const refreshed = await stack.http().post('/v1/auth/refresh').send({ refreshToken: kept.refreshToken }).expect(200);
    await use(refreshed.body.accessToken).expect(200);

    await redis.start();
    await eventually(async () => ((await stack.http().get('/health')).status === 200 ? true : undefined), '/health to answer 200 again');
    // What a marker that failed during the outage would have left behind on a Redis that kept its data:
    // positive entries written before this instance reconnected. They must not be believed.
    await plantStaleEntries(signedOut.sessionId, signedOut.accountId, signedOut.organizationId, revokedToken.token);

    await use(signedOut.accessToken).expect(401);
    await use(revokedToken.token).expect(401);
    await use(refreshed.body.accessToken).expect(200);
    await use(keptToken.token).expect(200);
    await stack.http().post('/v1/auth/refresh').send({ refreshToken: signedOut.refreshToken }).expect(401);
  });

  async function plantStaleEntries(sessionId: string, accountId: string, organizationId: string, apiToken: string): Promise<void> {
    const client = new Redis(redis.url);
    try {
      const [seconds] = await client.time();
      const before = Number(seconds) * 1000 - 60_000;
      const farFuture = Date.now() + 86_400_000;
      const prefix = stack.config.redisPrefix;
      const hash = createHash('sha256').update(apiToken).digest('hex');
      await client.set(`${prefix}:session:${sessionId}`, [accountId, organizationId, 1, farFuture, before].join('|'));
      await client.set(`${prefix}:api-token:${hash}`, ['x', accountId, organizationId, 0, 0, before].join('|'));
    } finally {
      client.disconnect();
    }
  }
});
