import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { redisKey } from '#libs/platform';
import { eventually } from '../support/eventually.js';
import { createAccount, createOrganization, strongPassword, type TestAccount } from '../support/fixtures.js';
import { type MetricFamily, parsePrometheusText, sampleSum } from '../support/prometheus-text.js';
import { connectTestRedis } from '../support/redis-keys.js';
import { TestStack } from '../support/test-stack.js';

type Scrape = Map<string, MetricFamily>;

/**
 * docs/operations.md#metrics: a story told to a running API and worker, then both `/metrics`
 * read with a Prometheus text-format reader — each counter moved by exactly what happened.
 */
describe('metrics: the counters of a story', () => {
  let stack: TestStack;
  let workerUrl: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    const { port } = (stack.worker as NestFastifyApplication).getHttpServer().address() as AddressInfo;
    workerUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => stack?.close());

  const scrapeApi = async (): Promise<Scrape> => {
    const response = await stack.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(response.text);
  };
  const scrapeWorker = async (): Promise<Scrape> => {
    const response = await fetch(`${workerUrl}/metrics`);
    expect(response.status).toBe(200);
    return parsePrometheusText(await response.text());
  };
  const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
    sampleSum(after, name, labels) - sampleSum(before, name, labels);

  const signInAs = (account: TestAccount, password = account.password) =>
    stack.http().post('/v1/auth/sign-in').send({ organization: account.organization, email: account.email, password });
  const me = (token: string) => stack.http().get('/v1/me').set('authorization', `Bearer ${token}`);

  it('the worker answers /health on its own port, and each /metrics has the process defaults', async () => {
    const health = await fetch(`${workerUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    for (const scrape of [await scrapeApi(), await scrapeWorker()])
      expect(scrape.get('latchkey_process_cpu_user_seconds_total')).toBeDefined();
  });

  it('counts sign-ins by outcome, lockouts, reset requests, expiries, token checks by source, mails and HTTP requests', async () => {
    const organization = await createOrganization(stack);
    const alice = await createAccount(stack, organization);
    const bob = await createAccount(stack, organization);
    const [api0, worker0] = [await scrapeApi(), await scrapeWorker()];
    const mailsBefore = stack.mail.messages.length;

    // Sign-ins: 2 wrong passwords then a right one (alice); 5 wrong ones lock bob (the 5th locks), then 2 refused while locked.
    for (let i = 0; i < 2; i++) await signInAs(alice, 'not-her-password').expect(401);
    const session = (await signInAs(alice).expect(200)).body as { accessToken: string; sessionId: string };
    for (let i = 0; i < 4; i++) await signInAs(bob, 'not-his-password').expect(401);
    await signInAs(bob, 'not-his-password').expect(423);
    await signInAs(bob, 'not-his-password').expect(423);
    await signInAs(bob).expect(423);
    // Identities that name no account: an unknown e-mail twice, an unknown organization once.
    const stranger = { ...alice, email: `nobody-${randomUUID()}@example.com` };
    await signInAs(stranger).expect(401);
    await signInAs(stranger).expect(401);
    await signInAs({ ...alice, organization: `no-such-org-${randomUUID().slice(0, 8)}` }).expect(401);

    // Reset: one link sent, the next held back by the per-account throttle.
    await stack.http().post('/v1/password-resets').send({ organization, email: alice.email }).expect(202);
    await stack.http().post('/v1/password-resets').send({ organization, email: alice.email }).expect(202);

    // Token checks: once the session is in Redis, two answered there; with the entry gone, one from PostgreSQL; one refused on sight.
    const redis = await connectTestRedis(stack.config);
    const sessionKey = redisKey(stack.config, 'session', session.sessionId);
    try {
      await me(session.accessToken).expect(200);
      await eventually(async () => (await redis.exists(sessionKey)) === 1, 'the session in the Redis cache');
      await me(session.accessToken).expect(200);
      await me(session.accessToken).expect(200);
      await redis.del(sessionKey);
      await me(session.accessToken).expect(200);
    } finally {
      redis.disconnect();
    }
    await me('not-a-token').expect(401);

    // A change that expires every session and token, after which the old access token is refused.
    const newPassword = strongPassword();
    await stack
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ currentPassword: alice.password, newPassword, expireSessionsAndTokens: true })
      .expect(204);
    await me(session.accessToken).expect(401);
    await stack.http().get(`/v1/no-such-route/${randomUUID()}`).expect(404);

    // Mails: the reset link, bob's lock notice (with its reset link), alice's change notice — whatever the worker sent, counted once each.
    await stack.mail.waitFor(alice.email, 2);
    await stack.mail.waitFor(bob.email, 1);
    const api1 = await eventually(async () => {
      const scrape = await scrapeApi();
      return moved(api0, scrape, 'latchkey_lockouts_total') === 1 && scrape;
    }, "bob's lock counted once its notice has committed");
    const mailsSent = stack.mail.messages.length - mailsBefore;
    const worker1 = await eventually(async () => {
      const scrape = await scrapeWorker();
      return moved(worker0, scrape, 'latchkey_mail_deliveries_total', { outcome: 'sent' }) === mailsSent && scrape;
    }, 'every mail received counted as sent');

    const signIns = (outcome: string) => moved(api0, api1, 'latchkey_sign_ins_total', { outcome });
    expect({
      succeeded: signIns('succeeded'),
      failed: signIns('failed'),
      locked: signIns('locked'),
      unknown_identity: signIns('unknown_identity'),
    }).toEqual({ succeeded: 1, failed: 2 + 5, locked: 2, unknown_identity: 3 });
    expect(moved(api0, api1, 'latchkey_password_reset_requests_total', { outcome: 'sent' })).toBe(1);
    expect(moved(api0, api1, 'latchkey_password_reset_requests_total', { outcome: 'throttled' })).toBe(1);
    expect(moved(api0, api1, 'latchkey_credential_expiries_total', { by: 'owner' })).toBe(1);
    expect(moved(api0, api1, 'latchkey_credential_expiries_total', { by: 'administrator' })).toBe(0);

    const checks = (source: string, outcome: string) =>
      moved(api0, api1, 'latchkey_token_checks_total', { kind: 'access_token', source, outcome });
    // Four GET /v1/me and the change of password.
    expect(checks('redis', 'valid') + checks('postgres', 'valid')).toBe(5);
    expect(checks('redis', 'valid')).toBeGreaterThanOrEqual(2);
    expect(checks('postgres', 'valid')).toBeGreaterThanOrEqual(1);
    expect(checks('none', 'invalid')).toBe(1);
    expect(checks('redis', 'invalid') + checks('postgres', 'invalid')).toBe(1);

    const http = (route: string, method: string, status: string) =>
      moved(api0, api1, 'latchkey_http_requests_total', { route, method, status });
    expect(http('/v1/me', 'GET', '200')).toBe(4);
    expect(http('/v1/me', 'GET', '401')).toBe(2);
    expect(http('/v1/auth/sign-in', 'POST', '200')).toBe(1);
    expect(http('/v1/auth/sign-in', 'POST', '401')).toBe(2 + 4 + 3);
    expect(http('/v1/auth/sign-in', 'POST', '423')).toBe(3);
    expect(http('unmatched', 'GET', '404')).toBe(1);
    expect(moved(api0, api1, 'latchkey_http_request_duration_seconds_count', { route: '/v1/me', method: 'GET', status: '200' })).toBe(4);

    expect(mailsSent).toBeGreaterThanOrEqual(3);
    expect(moved(worker0, worker1, 'latchkey_mail_deliveries_total', { template: 'password-reset', outcome: 'sent' })).toBe(1);
    expect(moved(worker0, worker1, 'latchkey_mail_deliveries_total', { template: 'account-locked', outcome: 'sent' })).toBe(1);
    expect(moved(worker0, worker1, 'latchkey_mail_deliveries_total', { outcome: 'failed' })).toBe(0);
    expect(moved(worker0, worker1, 'latchkey_queue_jobs_processed_total', { queue: 'mail', outcome: 'completed' })).toBe(mailsSent);
    expect(moved(worker0, worker1, 'latchkey_queue_job_duration_seconds_count', { queue: 'mail' })).toBe(mailsSent);
  });

  it('reports queue depth by state, the outbox backlog and the invalidation channel', async () => {
    const [api, worker] = [await scrapeApi(), await scrapeWorker()];
    for (const queue of ['mail', 'revocation'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(worker.get('latchkey_queue_jobs')!.samples).toContainEqual({
          name: 'latchkey_queue_jobs',
          labels: { queue, state },
          value: expect.any(Number),
        });
    for (const scrape of [api, worker]) {
      expect(scrape.get('latchkey_outbox_pending_messages')!.samples).toHaveLength(1);
      expect(sampleSum(scrape, 'latchkey_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    }
    expect(sampleSum(api, 'latchkey_cache_invalidation_channel_up')).toBe(1);
    // The worker has no local cache, so no channel to report.
    expect(worker.get('latchkey_cache_invalidation_channel_up')?.samples ?? []).toEqual([]);
  });
});
