import { randomBytes } from 'node:crypto';
import { strongPassword, uniqueName } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { builtServiceEnvironment, freePort, type ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
import { probe, runWithPreload } from './traced-service.js';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
const isPg = (span: ReceivedSpan) => span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';
const isRedis = (span: ReceivedSpan) => span.attributes['db.system'] === 'redis' || span.attributes['db.system.name'] === 'redis';

/**
 * The built API and worker, started as in production with the tracing preload and pointed at an OTLP/HTTP
 * receiver (docs/operations.md#tracing): a sign-in is one trace across HTTP, SQL and Redis, a reset request's
 * trace goes on through the outbox into the worker's mail job, and no secret is in anything exported.
 */
describe('tracing on (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: OtlpReceiver;
  let mail: SmtpListener;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let base: string;
  const admin = `admin-${randomBytes(12).toString('hex')}`;
  const jwtSecret = `jwt-${randomBytes(24).toString('hex')}`;
  const secrets: string[] = [admin, jwtSecret];

  async function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : {} };
  }

  /** The root span the API exported for a request to `path`. */
  const requestSpan = (path: string) =>
    eventually(
      () =>
        receiver.spans.find(
          (span) => span.service === 'latchkey-api' && span.kind === SERVER && !span.parentSpanId && span.attributes['url.path'] === path,
        ),
      `the server span of ${path}`,
    );

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    mail = await SmtpListener.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const environment = await builtServiceEnvironment(port, {
      SMTP_URL: mail.url,
      ADMIN_API_KEY: admin,
      JWT_SECRET: jwtSecret,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Exports every 100 ms rather than every 5 s, so the test does not wait on the batch.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    api = runWithPreload('api', environment);
    worker = runWithPreload('worker', environment);
    await waitForHealthy(base);
    await worker.waitForLog(/worker ready/);
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await mail?.close();
  });

  let organization: string;
  let email: string;

  it('shows a sign-in as one trace: the HTTP request, its SQL statements and its Redis commands', async () => {
    organization = uniqueName();
    email = `${uniqueName('person')}@example.com`;
    const password = strongPassword();
    secrets.push(password);
    expect((await post('/v1/organizations', { name: organization }, admin)).status).toBe(201);
    expect((await post(`/v1/organizations/${organization}/accounts`, { email, password }, admin)).status).toBe(201);
    const signedIn = await post('/v1/auth/sign-in', { organization, email, password });
    expect(signedIn.status).toBe(200);
    secrets.push(String(signedIn.json.accessToken), String(signedIn.json.refreshToken));

    const root = await requestSpan('/v1/auth/sign-in');
    expect(root.attributes['http.request.method']).toBe('POST');
    const spans = await eventually(() => {
      const trace = receiver.inTrace(root.traceId);
      return trace.some(isPg) && trace.some(isRedis) && trace;
    }, 'SQL and Redis spans in the sign-in trace');
    // Parent to child from the request down: every span of the trace leads up to the request's span.
    await eventually(() => spans.every((span) => receiver.ancestry(span).at(-1) === root), 'every span to reach the request span');
    const statements = spans.filter(isPg).map((span) => String(span.attributes['db.statement'] ?? span.attributes['db.query.text']));
    expect(statements.some((sql) => /\baccounts\b/.test(sql))).toBe(true);
    // Only the command's name: its arguments (keys, session data, job payloads) stay out.
    for (const span of spans.filter(isRedis))
      expect(String(span.attributes['db.query.text'] ?? span.attributes['db.statement'])).toMatch(/^[a-z]+$/i);
  });

  it("continues a reset request's trace into the worker's mail job, through the outbox", async () => {
    expect((await post('/v1/password-resets', { organization, email })).status).toBe(202);
    const [message] = await mail.waitFor(email);
    const token = /#token=([\w-]+)/.exec(message.text)?.[1];
    expect(token).toBeDefined();
    secrets.push(String(token));

    const root = await requestSpan('/v1/password-resets');
    const job = await eventually(
      () => receiver.spans.find((span) => span.traceId === root.traceId && span.service === 'latchkey-worker' && span.kind === CONSUMER),
      "the worker's mail job span in the reset request's trace",
    );
    expect(job.name).toBe('process mail');
    // process mail (worker) → send mail (the outbox relay) → … → POST /v1/password-resets (API)
    const chain = await eventually(() => {
      const ancestry = receiver.ancestry(job);
      return ancestry.at(-1) === root && ancestry;
    }, 'the job span to lead up to the request span');
    expect(chain[1]).toMatchObject({
      name: 'send mail',
      kind: PRODUCER,
      attributes: expect.objectContaining({ 'messaging.message.id': job.attributes['messaging.message.id'] }),
    });
    // The job's own work (its SQL) is traced inside it.
    await eventually(
      () =>
        receiver
          .inTrace(root.traceId)
          .some((span) => isPg(span) && span.service === 'latchkey-worker' && receiver.ancestry(span).includes(job)),
      "the worker's SQL under the job span",
    );
  });

  it('has the SDK loaded and registered in both processes (what the probe of the tracing-off test sees absent)', async () => {
    for (const service of [api, worker]) {
      const loaded = await probe(service);
      expect(loaded.sdkFiles).toBeGreaterThan(0);
      expect(loaded.registered).toEqual(expect.arrayContaining(['trace', 'context', 'propagation']));
    }
  });

  it('exports no secret: no password, token, reset token, admin key or signing key', async () => {
    await post(
      '/v1/organizations/nope/accounts?token=query-secret-123&page=2',
      { email: 'x@example.com', password: 'y' },
      'some-bearer-secret',
    );
    secrets.push('query-secret-123', 'some-bearer-secret');
    const root = await requestSpan('/v1/organizations/nope/accounts');
    expect(root.attributes['url.query']).toBe('token=REDACTED&page=REDACTED');
    const fastify = await eventually(
      () => receiver.inTrace(root.traceId).find((span) => span.name === 'request'),
      'the Fastify request span',
    );
    expect(fastify.attributes['url.path']).toBe('/v1/organizations/nope/accounts?token=REDACTED&page=REDACTED');
    expect(secrets.every(Boolean)).toBe(true);
    // Where a secret shows up, by span and attribute: an empty list is the expectation, a non-empty one says what leaked.
    const leaks = receiver.spans.flatMap((span) =>
      Object.entries({ name: span.name, ...span.attributes })
        .filter(([, value]) => secrets.some((secret) => JSON.stringify(value).includes(secret)))
        .map(([key, value]) => `${span.service} ${span.name}: ${key}=${JSON.stringify(value)}`),
    );
    expect(leaks).toEqual([]);
    // And nowhere else in what was exported (events, resource, links).
    const exported = receiver.bodies.join('\n');
    expect(exported.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(exported).not.toContain(secret);
    expect(exported.toLowerCase()).not.toContain('authorization');
  });
});
