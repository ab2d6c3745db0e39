import { AppConfig } from '#libs/platform';
import { Redis } from 'ioredis';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { TestStack } from '../support/test-stack.js';

const SHARED_REDIS = 'redis://127.0.0.1:6379';

/**
 * A partial partition: instance A reaches Redis through a proxy the test cuts, instance B reaches
 * it directly and keeps trusting what it cached. An expiry sent to A must not answer a 204 that B
 * would then contradict: A refuses it whole (503, Retry-After, nothing applied), and once A
 * reaches Redis again the same request completes it and B refuses every old credential. No worker
 * runs, so nothing here waits on the clean-up job.
 */
describe('an expiry on an instance cut off from Redis while another still reaches it', () => {
  let stack: TestStack;
  let proxy: TcpProxy;
  const A = 0;
  const B = 1;

  beforeAll(async () => {
    proxy = await TcpProxy.start(6379);
    stack = await TestStack.start({ worker: false, env: { REDIS_URL: proxy.url, RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi(Object.assign(Object.create(AppConfig.prototype) as AppConfig, stack.config, { REDIS_URL: SHARED_REDIS }));
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.stop();
  });

  const me = (instance: number, token: string) => stack.http(instance).get('/v1/me').set('authorization', `Bearer ${token}`);

  /** Until B's cache vouches for every credential: its entries are in Redis. */
  async function warmB(sessionIds: string[], tokens: string[]): Promise<void> {
    for (const token of tokens) await me(B, token).expect(200);
    const redis = new Redis(SHARED_REDIS);
    try {
      await eventually(
        async () =>
          (await Promise.all(sessionIds.map((id) => redis.get(`${stack.config.redisPrefix}:session:${id}`)))).every(
            (value) => value !== null && value.includes('|'),
          ),
        "B's cache entries for the sessions",
      );
    } finally {
      redis.disconnect();
    }
  }

  async function reconnectA(): Promise<void> {
    proxy.restore();
    await eventually(async () => (await stack.http(A).get('/health')).status === 200, 'A to reach Redis again');
  }

  it('answers 503 with nothing applied, then completes on retry: B refuses every old credential after the 204', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const sessions = [await signIn(stack, account, B), await signIn(stack, account, B)];
    const apiToken = (
      await stack
        .http(B)
        .post('/v1/me/api-tokens')
        .set('authorization', `Bearer ${sessions[0].accessToken}`)
        .send({ name: 'ci' })
        .expect(201)
    ).body.token;
    const old = [...sessions.map((s) => s.accessToken), apiToken];
    await warmB(
      sessions.map((s) => s.sessionId),
      old,
    );

    proxy.cut();
    const refused = await stack
      .http(A)
      .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
      .set('authorization', adminAuth(stack));
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
    // Nothing was applied: every credential still works, on B and (from PostgreSQL) on A.
    for (const token of old) {
      await me(B, token).expect(200);
      await me(A, token).expect(200);
    }

    await reconnectA();
    await stack
      .http(A)
      .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    for (const token of old) {
      await me(B, token).expect(401);
      await me(A, token).expect(401);
    }
    for (const session of sessions) await stack.http(B).post('/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('refuses a password change with the option whole (503): the old password still signs in, and the retry changes it', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const own = await signIn(stack, account, A);
    const other = await signIn(stack, account, B);
    await warmB([other.sessionId], [other.accessToken]);

    proxy.cut();
    const change = { currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true };
    const refused = await stack.http(A).post('/v1/me/password').set('authorization', `Bearer ${own.accessToken}`).send(change);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    await me(B, other.accessToken).expect(200);
    await stack.http(B).post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(200);

    await reconnectA();
    await stack.http(A).post('/v1/me/password').set('authorization', `Bearer ${own.accessToken}`).send(change).expect(204);
    await me(B, other.accessToken).expect(401);
    await stack.http(B).post('/v1/auth/sign-in').send({ organization, email: account.email, password: account.password }).expect(401);
    await stack.http(B).post('/v1/auth/sign-in').send({ organization, email: account.email, password: change.newPassword }).expect(200);
  });
});
