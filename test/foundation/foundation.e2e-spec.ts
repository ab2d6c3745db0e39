import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { EntityManager } from '@mikro-orm/postgresql';
import { MAIL_QUEUE, Outbox, OutboxRelay } from '#libs/platform';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';

describe('the API foundation', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });
  afterAll(() => stack.close());

  it('answers /health with the state of PostgreSQL and Redis', async () => {
    const response = await stack.http().get('/health').expect(200);
    expect(response.body.details).toEqual({
      database: expect.objectContaining({ status: 'up' }),
      redis: { status: 'up' },
      // Shared Signals delivery, for the record: always up (docs/shared-signals.md#delivery).
      sharedSignals: { status: 'up', pendingEvents: 0, failingStreams: 0 },
    });
  });

  it('answers an unknown route with problem JSON 404 NOT_FOUND', async () => {
    const response = await stack.http().get('/v1/anything-unknown').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'urn:latchkey:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
      code: 'NOT_FOUND',
    });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED and no stack trace', async () => {
    const response = await stack.http().post('/v1/anything').set('content-type', 'application/json').send('{"a":').expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers a body over 16 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await stack
      .http()
      .post('/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(17 * 1024) }))
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends security headers', async () => {
    const response = await stack.http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const metrics = await stack.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('latchkey_process_cpu_user_seconds_total');
    const openapi = await stack.http().get('/docs-json').expect(200);
    expect(openapi.body.info.title).toBe('Latchkey');
  });

  it('relays an outbox message committed with a change to its BullMQ queue, once', async () => {
    const connection = new Redis(stack.config.REDIS_URL, { maxRetriesPerRequest: null });
    const received: Array<{ id?: string; data: unknown }> = [];
    const worker = new Worker(MAIL_QUEUE, async (job) => void received.push({ id: job.id, data: job.data }), {
      connection,
      prefix: stack.config.redisPrefix,
    });
    try {
      const em = stack.api.get(EntityManager);
      const outbox = new Outbox(em);
      await em.transactional(async () => outbox.add({ queue: MAIL_QUEUE, name: 'probe', payload: { hello: 'world' } }));
      const relay = stack.api.get(OutboxRelay);
      await relay.flush();
      await relay.flush();
      await eventually(() => received.length > 0, 'the relayed job to reach the queue', 10_000);
      const [{ id: messageId }] = await em.fork().execute<{ id: string }[]>('select id from outbox where sent_at is not null');
      expect(received).toEqual([{ id: messageId, data: { hello: 'world' } }]);
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });
});
