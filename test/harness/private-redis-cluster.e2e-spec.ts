import { Cluster, Redis } from 'ioredis';
import { PrivateRedisCluster } from '../support/private-redis-cluster.js';

describe('PrivateRedisCluster', () => {
  let cluster: PrivateRedisCluster;
  let client: Cluster;

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start({ masters: 3, replicasPerMaster: 1 });
    client = new Cluster(
      cluster.nodes.split(',').map((node) => ({ host: '127.0.0.1', port: Number(node.split(':')[1]) })),
      { clusterRetryStrategy: (times) => Math.min(100 * times, 500), redisOptions: { maxRetriesPerRequest: 3 } },
    );
    client.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  it('starts six nodes that agree, and a replica takes over a killed master within seconds, keeping the data', async () => {
    expect(cluster.ports).toHaveLength(6);
    expect(cluster.nodes).toBe(cluster.ports.map((port) => `127.0.0.1:${port}`).join(','));

    const key = 'failover-probe';
    const master = await cluster.masterForKey(key);
    expect(cluster.ports).toContain(master);
    // Written on the master itself, and WAIT (which counts this connection's writes) proves its replica has it before the master dies.
    const direct = new Redis({ host: '127.0.0.1', port: master });
    await direct.set(key, 'before');
    expect(await direct.wait(1, 2000)).toBe(1);
    direct.disconnect();

    const killedAt = Date.now();
    await cluster.killMaster(master);
    const successor = await cluster.waitForFailover(master, key);
    const seconds = (Date.now() - killedAt) / 1000;

    expect(successor).not.toBe(master);
    expect(cluster.runningPorts).toHaveLength(5);
    expect(seconds).toBeLessThan(15);
    expect(await client.get(key)).toBe('before');
    await client.set(key, 'after');
    expect(await client.get(key)).toBe('after');
  }, 60_000);
});
