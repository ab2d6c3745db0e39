import { randomBytes } from 'node:crypto';
import { adminQuery, serverUrl } from '../support/postgres-admin.js';
import { eventually } from '../support/eventually.js';
import { freePort, ServiceProcess, waitForHealthy } from '../support/service-process.js';

/**
 * The built entry points as a person runs them (`npm test` builds first): clear start-up
 * failures, `npm start` bringing up API + worker on a database it creates, clean shutdown.
 */
const STACK_TRACE = /\n\s+at /;

describe('entry points', () => {
  it('refuses a bad setting with a message naming the variable, no stack trace', async () => {
    const api = ServiceProcess.run('dist/apps/api/src/main.js', { PORT: 'abc' });
    expect(await api.exited).toBe(1);
    expect(api.log).toContain('PORT: ');
    expect(api.log).not.toMatch(STACK_TRACE);
  });

  it('says where Redis was expected and how to start it when it cannot be reached', async () => {
    const api = ServiceProcess.run('dist/apps/api/src/main.js', { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await api.exited).toBe(1);
    expect(api.log).toContain('Redis cannot be reached at redis://127.0.0.1:1');
    expect(api.log).toContain('redis-server');
    expect(api.log).not.toMatch(STACK_TRACE);
  });

  it('says where PostgreSQL was expected and how to start it when it cannot be reached', async () => {
    const migrate = ServiceProcess.run('dist/scripts/migrate.js', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/latchkey' });
    expect(await migrate.exited).toBe(1);
    expect(migrate.log).toContain('PostgreSQL cannot be reached at postgres://postgres@127.0.0.1:1/latchkey');
    expect(migrate.log).toContain('docker compose up postgres redis');
    expect(migrate.log).not.toMatch(STACK_TRACE);
  });

  it('`npm start` creates and migrates the database, serves the API with the worker, and stops both on SIGTERM', async () => {
    const database = `${process.env.LATCHKEY_TEST_RUN}_start_${randomBytes(3).toString('hex')}`;
    const port = await freePort();
    const start = ServiceProcess.run('dist/scripts/start.js', {
      PORT: String(port),
      DATABASE_URL: serverUrl(database),
      QUEUE_PREFIX: `lkt-start-${randomBytes(3).toString('hex')}`,
      MAIL_DIR: '/tmp/latchkey-start-mail',
    });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}`, 90_000);
      await start.waitForLog(/worker ready/);
      const migrated = await adminQuery<{ name: string }>('select name from mikro_orm_migrations', [], database);
      expect(migrated.length).toBeGreaterThan(0);
      expect(await start.stop('SIGTERM')).toBe(0);
    } finally {
      await start.stop('SIGKILL');
    }
  }, 150_000);

  it('stops the API and the worker of `npm start` even when the parent is killed outright', async () => {
    const port = await freePort();
    const start = ServiceProcess.run('dist/scripts/start.js', {
      PORT: String(port),
      DATABASE_URL: serverUrl(`${process.env.LATCHKEY_TEST_RUN}_start_${randomBytes(3).toString('hex')}`),
      QUEUE_PREFIX: `lkt-start-${randomBytes(3).toString('hex')}`,
      MAIL_DIR: '/tmp/latchkey-start-mail',
    });
    await waitForHealthy(`http://127.0.0.1:${port}`, 90_000);
    await start.stop('SIGKILL');
    await eventually(
      async () => {
        try {
          await fetch(`http://127.0.0.1:${port}/health`);
          return false;
        } catch {
          return true;
        }
      },
      'the API to stop answering once npm start is killed',
      30_000,
    );
  }, 150_000);
});
