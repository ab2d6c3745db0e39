import { randomBytes } from 'node:crypto';
import { loadConfig } from '#libs/platform';
import { allocatePort } from '../support/child-processes.js';
import { eventually } from '../support/eventually.js';
import { PrivateRedisCluster } from '../support/private-redis-cluster.js';
import { connectTestRedis, deleteKeys, scanKeys } from '../support/redis-keys.js';
import { ServiceProcess, waitForHealthy } from '../support/service-process.js';
import { createTestDatabase } from '../support/test-database.js';
import { untilStarted } from './scale-deployment.js';

/**
 * docs/scaling.md in cluster mode, as an operator meets it: a process starts when any seed node of
 * REDIS_CLUSTER_NODES answers, `/health` reports the cluster's own state, and the test helpers
 * that SCAN find keys on every master.
 */
const STACK_TRACE = /\n\s+at /;

/** What `/health` answers: terminus' `info` when up, the problem's `checks` when not. */
interface Health {
  info?: Record<string, Record<string, string>>;
  checks?: Record<string, Record<string, string>>;
}

describe('Redis Cluster: start-up, /health and key scans', () => {
  let cluster: PrivateRedisCluster;
  /** Ports where nothing listens: a seed node that is down. */
  let down: number[];

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start();
    down = [await allocatePort(), await allocatePort()];
  }, 60_000);
  afterAll(() => cluster?.stop());

  const env = async (seeds: string): Promise<Record<string, string>> => ({
    NODE_ENV: 'test',
    PORT: String(await allocatePort()),
    DATABASE_URL: await createTestDatabase(),
    // Closed, so that nothing can quietly use a single Redis instead of the cluster.
    REDIS_URL: `redis://127.0.0.1:${down[1]}`,
    REDIS_CLUSTER_NODES: seeds,
    QUEUE_PREFIX: `lkt-ops-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
  });

  it('starts the API and the worker when the first seed node is down and a later one answers', async () => {
    const settings = await env(`127.0.0.1:${down[0]},${cluster.nodes}`);
    const api = ServiceProcess.run('dist/apps/api/src/main.js', settings);
    const worker = ServiceProcess.run('dist/apps/worker/src/main.js', { ...settings, LOG_LEVEL: 'info' });
    try {
      await untilStarted(api, waitForHealthy(`http://127.0.0.1:${settings.PORT}`, 60_000));
      await untilStarted(worker, worker.waitForLog(/worker ready/, 60_000));
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
    }
  }, 120_000);

  it('refuses to start when no seed node answers, naming every one of them and the variable', async () => {
    const seeds = `127.0.0.1:${down[0]},127.0.0.1:${down[1]}`;
    const api = ServiceProcess.run('dist/apps/api/src/main.js', await env(seeds));
    expect(await api.exited).toBe(1);
    expect(api.log).toContain(`127.0.0.1:${down[0]} (ECONNREFUSED)`);
    expect(api.log).toContain(`127.0.0.1:${down[1]} (ECONNREFUSED)`);
    expect(api.log).toContain('REDIS_CLUSTER_NODES');
    expect(api.log).not.toContain('REDIS_URL');
    expect(api.log).not.toMatch(STACK_TRACE);
  }, 60_000);

  it('scans every master: keys of three hash tags, wherever their slots live, are found and deleted', async () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_URL: `redis://127.0.0.1:${down[1]}` });
    const redis = await connectTestRedis(config);
    try {
      const keys = ['{scan-a}:one', '{scan-b}:two', '{scan-c}:three', '{scan-d}:four', '{scan-e}:five'];
      for (const key of keys) await redis.set(key, 'x');
      const masters = new Set(await Promise.all(keys.map((key) => cluster.masterForKey(key))));
      expect(masters.size).toBeGreaterThan(1);
      expect((await scanKeys(redis, '{scan-*')).sort()).toEqual([...keys].sort());
      await deleteKeys(redis, '{scan-*');
      expect(await scanKeys(redis, '{scan-*')).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('reports cluster_state in /health: ok, then 503 once a master and its replica are gone', async () => {
    const settings = await env(cluster.nodes);
    const api = ServiceProcess.run('dist/apps/api/src/main.js', settings);
    const base = `http://127.0.0.1:${settings.PORT}`;
    try {
      await waitForHealthy(base, 60_000);
      const healthy = (await (await fetch(`${base}/health`)).json()) as Health;
      expect(healthy.info?.redis).toEqual({ status: 'up', cluster_state: 'ok' });

      // The master of the installation's own slot: with it and its replica gone, nothing can serve the installation.
      const master = await cluster.masterForKey(`{${settings.QUEUE_PREFIX}}:anything`);
      const replica = await cluster.replicaOf(master);
      await cluster.killMaster(replica);
      await cluster.killMaster(master);
      const failing = await eventually(
        async () => {
          const response = await fetch(`${base}/health`);
          const body = (await response.json()) as Health;
          return response.status === 503 && body.checks?.redis?.cluster_state === 'fail' && body;
        },
        '/health to answer 503 with cluster_state fail',
        30_000,
      );
      expect(failing).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: expect.stringContaining('redis'),
        checks: { database: { status: 'up' }, redis: { status: 'down' } },
      });
    } finally {
      await api.stop();
    }
  }, 120_000);
});
