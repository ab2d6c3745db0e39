import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { adminQuery, serverUrl } from '../support/postgres-admin.js';

/**
 * The built entry points as a person runs them (`npm test` builds first): clear start-up
 * failures, `npm start` bringing up API + worker on a database it creates, clean shutdown.
 */
interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('entry points', () => {
  it('refuses a bad setting with a message naming the variable, no stack trace', async () => {
    const api = run('dist/apps/api/src/main.js', { PORT: 'abc' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('PORT: ');
    expect(api.output()).not.toMatch(/\n\s+at /);
  });

  it('says where Redis was expected and how to start it when it cannot be reached', async () => {
    const api = run('dist/apps/api/src/main.js', { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('Redis cannot be reached at redis://127.0.0.1:1');
    expect(api.output()).toContain('redis-server');
    expect(api.output()).not.toMatch(/\n\s+at /);
  });

  it('says where PostgreSQL was expected and how to start it when it cannot be reached', async () => {
    const migrate = run('dist/scripts/migrate.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/latchkey' });
    expect(await migrate.exited).toBe(1);
    expect(migrate.output()).toContain('PostgreSQL cannot be reached at postgres://postgres@127.0.0.1:1/latchkey');
    expect(migrate.output()).toContain('docker compose up postgres redis');
    expect(migrate.output()).not.toMatch(/\n\s+at /);
  });

  it('`npm start` creates and migrates the database, serves the API with the worker, and stops both on SIGTERM', async () => {
    const database = `${process.env.LATCHKEY_TEST_RUN}_start_${randomBytes(3).toString('hex')}`;
    const port = await freePort();
    const start = run('dist/scripts/start.js', {
      PORT: String(port),
      DATABASE_URL: serverUrl(database),
      QUEUE_PREFIX: `lkt-start-${randomBytes(3).toString('hex')}`,
      MAIL_DIR: '/tmp/latchkey-start-mail',
    });
    try {
      await waitFor(async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
        } catch {
          return false;
        }
      });
      await waitFor(() => /worker ready/.test(start.output()));
      const migrated = await adminQuery<{ name: string }>('select name from mikro_orm_migrations', [], database);
      expect(migrated.length).toBeGreaterThan(0);
      start.child.kill('SIGTERM');
      expect(await start.exited).toBe(0);
    } finally {
      start.child.kill('SIGKILL');
    }
  });
});
