import { randomBytes } from 'node:crypto';
import { strongPassword, uniqueName } from '../support/fixtures.js';
import { builtServiceEnvironment, freePort, ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { SmtpListener } from '../support/smtp-listener.js';

/**
 * The built API and worker as separate processes with real logs: after a full story no log
 * line and no problem answer holds a password or a token, helmet headers are on every answer,
 * and SIGTERM lets in-flight requests finish.
 */
describe('secrets, headers and shutdown of the running service', () => {
  let mail: SmtpListener;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let base: string;
  const admin = `admin-${randomBytes(12).toString('hex')}`;
  const service = `service-${randomBytes(12).toString('hex')}`;
  const jwtSecret = `jwt-${randomBytes(24).toString('hex')}`;
  const answers: Response[] = [];
  let environment: Record<string, string> = {};
  const problemBodies: string[] = [];

  async function call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    answers.push(response);
    const text = await response.text();
    if (response.status >= 400) problemBodies.push(text);
    return { status: response.status, json: text ? JSON.parse(text) : {} };
  }

  beforeAll(async () => {
    mail = await SmtpListener.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    environment = await builtServiceEnvironment(port, {
      SMTP_URL: mail.url,
      LOG_LEVEL: 'debug',
      ADMIN_API_KEY: admin,
      SERVICE_API_KEY: service,
      JWT_SECRET: jwtSecret,
      RATE_LIMIT_ENABLED: 'false',
    });
    api = ServiceProcess.run('dist/apps/api/src/main.js', environment);
    worker = ServiceProcess.run('dist/apps/worker/src/main.js', environment);
    await waitForHealthy(base);
    await worker.waitForLog(/worker ready/);
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await worker?.stop('SIGKILL');
    await mail?.close();
  });

  it('never writes a password or a token to its logs or its problem answers', async () => {
    const organization = uniqueName();
    const email = `${uniqueName('person')}@example.com`;
    const [first, wrong, weak, second, third] = [strongPassword(), strongPassword(), 'short', strongPassword(), strongPassword()];
    expect((await call('POST', '/v1/organizations', { name: organization }, admin)).status).toBe(201);
    expect((await call('POST', `/v1/organizations/${organization}/accounts`, { email, password: first }, admin)).status).toBe(201);
    const signedIn = await call('POST', '/v1/auth/sign-in', { organization, email, password: first });
    expect(signedIn.status).toBe(200);
    expect((await call('POST', '/v1/auth/sign-in', { organization, email, password: wrong })).status).toBe(401);
    const apiToken = await call('POST', '/v1/me/api-tokens', { name: 'ci' }, signedIn.json.accessToken as string);
    expect((await call('GET', '/v1/me', undefined, apiToken.json.token as string)).status).toBe(200);
    const refreshed = await call('POST', '/v1/auth/refresh', { refreshToken: signedIn.json.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await call('POST', '/v1/auth/refresh', { refreshToken: signedIn.json.refreshToken })).status).toBe(401);
    expect((await call('POST', '/v1/password-resets', { organization, email })).status).toBe(202);
    const [resetMail] = await mail.waitFor(email);
    const resetToken = /#token=([A-Za-z0-9_-]+)/.exec(resetMail.text)?.[1] ?? '';
    expect((await call('POST', '/v1/password-resets/verify', { token: resetToken })).status).toBe(200);
    expect((await call('POST', '/v1/password-resets/confirm', { token: resetToken, newPassword: weak })).status).toBe(422);
    expect((await call('POST', '/v1/password-resets/confirm', { token: resetToken, newPassword: second })).status).toBe(204);
    const again = await call('POST', '/v1/auth/sign-in', { organization, email, password: second });
    expect((await call('POST', '/v1/tokens/introspect', { token: again.json.accessToken }, service)).json.active).toBe(true);
    const change = { currentPassword: second, newPassword: third, expireSessionsAndTokens: true };
    expect((await call('POST', '/v1/me/password', change, again.json.accessToken as string)).status).toBe(204);
    expect((await call('GET', '/v1/me', undefined, apiToken.json.token as string)).status).toBe(401);
    await mail.waitFor(email, 3);

    const secrets = {
      first,
      wrong,
      second,
      third,
      admin,
      service,
      jwtSecret,
      resetToken,
      access: signedIn.json.accessToken,
      refresh: signedIn.json.refreshToken,
      api: apiToken.json.token,
      refreshedAccess: refreshed.json.accessToken,
      refreshedRefresh: refreshed.json.refreshToken,
      lastAccess: again.json.accessToken,
    } as Record<string, string>;
    const places = { 'API log': api.log, 'worker log': worker.log, 'problem answers': problemBodies.join('\n') };
    const found = Object.entries(secrets).flatMap(([name, value]) =>
      Object.entries(places)
        .filter(([, text]) => text.includes(value))
        .map(([place]) => `${name} in ${place}`),
    );
    console.log(`secrets: ${Object.keys(secrets).length} checked in ${Object.keys(places).length} places, ${found.length} found`);
    expect(found).toEqual([]);
    expect(api.log.length).toBeGreaterThan(0);
  });

  it('sends the helmet headers on every answer, errors included', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('finishes in-flight requests on SIGTERM, then exits', async () => {
    // Its own API process with costly hashing, so that sign-ins are surely still running at SIGTERM.
    const port = await freePort();
    const slow = ServiceProcess.run('dist/apps/api/src/main.js', {
      ...environment,
      PORT: String(port),
      ARGON2_MEMORY_KIB: '65536',
      ARGON2_TIME_COST: '3',
    });
    await waitForHealthy(`http://127.0.0.1:${port}`);
    const inFlight = Array.from({ length: 12 }, () =>
      fetch(`http://127.0.0.1:${port}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organization: 'no-such-org', email: 'nobody@example.com', password: strongPassword() }),
      }).then((r) => r.status),
    );
    // Long enough for every request to reach the server, far shorter than 12 such hashes on 4 threads.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    slow.child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    expect(statuses.every((status) => status === 401 || status === 423)).toBe(true);
    // Nest closes everything, then re-raises the signal: the conventional exit of a stopped service.
    expect(await slow.exited).toBe('SIGTERM');
  });
});
