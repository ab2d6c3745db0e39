import { randomBytes } from 'node:crypto';
import { strongPassword, uniqueName } from '../support/fixtures.js';
import { builtServiceEnvironment, freePort, type ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { OtlpReceiver } from './otlp-receiver.js';
import { probe, runWithPreload } from './traced-service.js';

/**
 * Tracing is off by default, and off means off: the preload loads no part of the SDK and registers nothing, and
 * nothing is sent anywhere, even with other OTEL_* variables set (only the OTLP endpoint turns tracing on).
 */
describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: OtlpReceiver;
  let mail: SmtpListener;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let base: string;
  const admin = `admin-${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    mail = await SmtpListener.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const environment = await builtServiceEnvironment(port, {
      SMTP_URL: mail.url,
      ADMIN_API_KEY: admin,
      // Everything but the endpoint that turns tracing on: were the SDK started anyway, these would reach the receiver.
      OTEL_SERVICE_NAME: 'latchkey-untraced',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${receiver.endpoint}/v1/metrics`,
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `${receiver.endpoint}/v1/logs`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRIC_EXPORT_INTERVAL: '100',
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

  it('serves a sign-in and a reset with no SDK loaded, nothing registered and nothing exported', async () => {
    const organization = uniqueName();
    const email = `${uniqueName('person')}@example.com`;
    const password = strongPassword();
    const post = (path: string, body: unknown, key?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post('/v1/organizations', { name: organization }, admin)).status).toBe(201);
    expect((await post(`/v1/organizations/${organization}/accounts`, { email, password }, admin)).status).toBe(201);
    expect((await post('/v1/auth/sign-in', { organization, email, password })).status).toBe(200);
    expect((await post('/v1/password-resets', { organization, email })).status).toBe(202);
    await mail.waitFor(email);

    expect(await probe(api)).toEqual({ sdkFiles: 0, registered: [] });
    expect(await probe(worker)).toEqual({ sdkFiles: 0, registered: [] });
    expect(receiver.bodies).toEqual([]);
  });
});
