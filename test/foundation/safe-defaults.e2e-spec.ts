import { randomBytes } from 'node:crypto';
import { freePort, ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { createTestDatabase } from '../support/test-database.js';
import { TestStack } from '../support/test-stack.js';

/** What a person who deploys Latchkey gets without reading every setting. */
describe('safe defaults', () => {
  describe('GET /metrics with METRICS_TOKEN (required in production)', () => {
    const token = randomBytes(24).toString('hex');
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false, env: { METRICS_TOKEN: token } })));
    afterAll(() => stack?.close());

    it('answers 401 problem JSON with WWW-Authenticate without the token or with another one', async () => {
      for (const authorization of [undefined, `Bearer ${token}x`, `Bearer ${stack.config.ADMIN_API_KEY}`]) {
        const call = stack.http().get('/metrics');
        const response = await (authorization ? call.set('authorization', authorization) : call).expect(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(response.body.code).toBe('UNAUTHENTICATED');
        expect(response.text).not.toContain('latchkey_process');
      }
    });

    it('serves the metrics with Authorization: Bearer {METRICS_TOKEN}', async () => {
      const response = await stack.http().get('/metrics').set('authorization', `Bearer ${token}`).expect(200);
      expect(response.text).toContain('latchkey_process_cpu_user_seconds_total');
    });
  });

  describe('the API with the development keys (built entry point)', () => {
    async function startApi(env: Record<string, string> = {}): Promise<{ api: ServiceProcess; port: number }> {
      const port = await freePort();
      const api = ServiceProcess.run('dist/apps/api/src/main.js', {
        PORT: String(port),
        DATABASE_URL: await createTestDatabase(),
        QUEUE_PREFIX: `lkt-host-${randomBytes(3).toString('hex')}`,
        MAIL_DIR: '/tmp/latchkey-host-mail',
        ...env,
      });
      await waitForHealthy(`http://127.0.0.1:${port}`, 60_000);
      return { api, port };
    }

    const answers = async (url: string): Promise<boolean> => {
      try {
        return (await fetch(url)).ok;
      } catch {
        return false;
      }
    };

    it('listens on 127.0.0.1 only and warns that anyone who reaches it can forge tokens', async () => {
      const { api, port } = await startApi();
      try {
        // All of 127.0.0.0/8 reaches this machine: an API on every interface would answer at 127.0.0.2 too.
        expect(await answers(`http://127.0.0.2:${port}/health`)).toBe(false);
        await api.waitForLog(/Development keys in use \(ADMIN_API_KEY, SERVICE_API_KEY, JWT_SECRET\)/);
        expect(api.log).toMatch(/can forge access tokens/);
      } finally {
        await api.stop();
      }
    }, 90_000);

    it('listens where HOST says', async () => {
      const { api, port } = await startApi({ HOST: '0.0.0.0' });
      try {
        expect(await answers(`http://127.0.0.2:${port}/health`)).toBe(true);
      } finally {
        await api.stop();
      }
    }, 90_000);
  });
});
