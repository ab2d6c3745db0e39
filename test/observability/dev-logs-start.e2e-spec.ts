import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../support/test-database.js';
import { freePort, ServiceProcess } from '../support/service-process.js';

/**
 * What `npm start` (dist/scripts/start.js) prints (docs/operations.md#logs): in development readable
 * lines, none of Nest's per-module start-up chatter, and one banner at the end saying where
 * everything is; in production JSON lines only, the banner's facts included.
 */
const RULE = /^─{20,}$/m;
const BANNER_END = /Ctrl-C stops the API and the worker\.\n─{20,}\n/;

async function startService(env: Record<string, string>): Promise<{ start: ServiceProcess; port: number; mailDir: string }> {
  const port = await freePort();
  const mailDir = mkdtempSync(join(tmpdir(), 'latchkey-dev-logs-'));
  const start = ServiceProcess.run('dist/scripts/start.js', {
    PORT: String(port),
    WORKER_PORT: '0',
    // Already migrated: the only lines are those of the API, the worker and the banner.
    DATABASE_URL: await createTestDatabase(),
    QUEUE_PREFIX: `lkt-logs-${randomBytes(3).toString('hex')}`,
    MAIL_DIR: mailDir,
    ...env,
  });
  return { start, port, mailDir };
}

describe('npm start output', () => {
  it('in development: readable lines, no Nest start-up chatter, and one banner last with the right addresses', async () => {
    const { start, port, mailDir } = await startService({});
    try {
      await start.waitForLog(BANNER_END, 90_000);
      const output = start.log;
      for (const chatter of ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']) {
        expect(output).not.toContain(chatter);
      }
      const lines = output.split('\n').filter((line) => line.trim() !== '');
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[Worker\] worker ready/m);
      expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: \[Startup\] Development keys in use/m);

      const banner = output.slice(output.search(RULE));
      expect(output.match(/Latchkey is running/g)).toHaveLength(1);
      // Nothing after it: the banner ends the output.
      expect(banner).toMatch(/Ctrl-C stops the API and the worker\.\n─{20,}\n$/);
      const base = `http://localhost:${port}`;
      expect(banner).toContain(`API          ${base}/v1\n`);
      expect(banner).toContain(`Console      ${base}/\n`);
      expect(banner).toContain(`API docs     ${base}/docs\n`);
      expect(banner).toContain(`Queue board  ${base}/admin/queues `);
      expect(banner).toContain(`Mail         written as .eml files to ${mailDir} (no SMTP_URL set)\n`);
      expect(banner).toContain('Admin key    dev-admin-key-change-me  (Authorization: Bearer dev-admin-key-change-me)\n');
      expect(banner).toContain('Warning: Development keys in use (ADMIN_API_KEY, SERVICE_API_KEY, JWT_SECRET)');

      // The addresses answer, as a person following the banner would find.
      const address = (label: string) => new RegExp(`^  ${label} +(http\\S+)`, 'm').exec(banner)?.[1] ?? '';
      expect((await fetch(address('Console'))).status).toBe(200);
      expect((await fetch(address('API docs'))).status).toBe(200);
      expect((await fetch(`${address('API')}/me`)).status).toBe(401);
      const board = await fetch(address('Queue board'), { headers: { authorization: 'Bearer dev-admin-key-change-me' } });
      expect(board.status).toBe(200);
      expect(await start.stop('SIGTERM')).toBe(0);
    } finally {
      await start.stop('SIGKILL');
    }
  }, 150_000);

  it('in production: every line is JSON, the banner a JSON line too, with no key in it', async () => {
    const keys = {
      ADMIN_API_KEY: `admin-${randomBytes(12).toString('hex')}`,
      SERVICE_API_KEY: `service-${randomBytes(12).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      METRICS_TOKEN: `metrics-${randomBytes(12).toString('hex')}`,
    };
    const { start, port } = await startService({ NODE_ENV: 'production', HOST: '127.0.0.1', ...keys });
    try {
      await start.waitForLog(/"msg":"Latchkey is running"/, 90_000);
      // The worker's own line comes through its stdout, which need not be flushed before its ready message over IPC.
      await start.waitForLog(/"msg":"worker ready/, 30_000);
      const lines = start.log.split('\n').filter((line) => line.trim() !== '');
      const entries = lines.map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`not a JSON line: ${line}`);
        }
      });
      expect(entries.find((entry) => entry.msg === 'Latchkey is running')).toMatchObject({
        level: 30,
        api: `http://localhost:${port}/v1`,
        console: `http://localhost:${port}/`,
        docs: `http://localhost:${port}/docs`,
        queueBoard: `http://localhost:${port}/admin/queues`,
      });
      for (const key of Object.values(keys)) expect(start.log).not.toContain(key);
      expect(await start.stop('SIGTERM')).toBe(0);
    } finally {
      await start.stop('SIGKILL');
    }
  }, 150_000);
});
