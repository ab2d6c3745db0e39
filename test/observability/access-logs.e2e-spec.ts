import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { builtServiceEnvironment, freePort, ServiceProcess, waitForHealthy } from '../support/service-process.js';

interface Line {
  level: number;
  msg: string;
  req?: { id?: unknown; method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: unknown;
}

/**
 * The built API's access lines at LOG_LEVEL=info, as an operator reads them: one line per answered
 * client error with its request (id, method, path — never the query string) and status; none for a
 * success, none for `/health`.
 */
describe('access logs', () => {
  let api: ServiceProcess;
  let base: string;
  const admin = `admin-${randomBytes(12).toString('hex')}`;
  const secret = randomBytes(16).toString('hex');

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = ServiceProcess.run(
      'dist/apps/api/src/main.js',
      await builtServiceEnvironment(port, { NODE_ENV: 'test', ADMIN_API_KEY: admin, LOG_LEVEL: 'info' }),
    );
    await waitForHealthy(base);
  });
  afterAll(() => api?.stop());

  const lines = (): Line[] =>
    api.log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Line);
  const accessLines = () => lines().filter((line) => line.msg === 'request completed' || line.msg === 'request errored');

  it('writes one line for a refused request, with its id, method, path and status, and none for successes', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/.well-known/ssf-configuration`)).status).toBe(200);
    const listed = await fetch(`${base}/v1/organizations/no-such-org/accounts`, { headers: { authorization: `Bearer ${admin}` } });
    expect(listed.status).toBe(404);
    const refused = await fetch(`${base}/v1/me?token=${secret}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);

    // The last request's line is written after every earlier one's.
    const logged = await eventually(
      () => (accessLines().some((line) => line.res?.statusCode === 401) ? accessLines() : undefined),
      'the line of the last request',
    );
    expect(logged).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: expect.any(String), method: 'GET', path: '/v1/organizations/no-such-org/accounts' },
        res: { statusCode: 404 },
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({
        level: 30,
        req: { id: expect.any(String), method: 'GET', path: '/v1/me' },
        res: { statusCode: 401 },
      }),
    ]);
    expect(logged[0].req?.id).not.toEqual(logged[1].req?.id);
    expect(api.log).not.toContain(secret);
  });
});
