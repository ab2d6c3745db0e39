import { Cluster, Redis } from 'ioredis';
import type { AppConfig } from '#libs/platform';

export type TestRedis = Redis | Cluster;

/** A client of the installation's Redis as the services see it: the cluster when REDIS_CLUSTER_NODES is set. */
export async function connectTestRedis(config: AppConfig): Promise<TestRedis> {
  const connection = config.REDIS_CLUSTER_NODES
    ? new Cluster(
        config.REDIS_CLUSTER_NODES.split(',').map((node) => ({ host: node.split(':')[0], port: Number(node.split(':')[1]) })),
        { redisOptions: { maxRetriesPerRequest: 1, connectTimeout: 2_000 }, clusterRetryStrategy: () => null },
      )
    : new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  connection.on('error', () => undefined);
  if (connection instanceof Redis) await connection.connect();
  else
    await new Promise<void>((resolve, reject) =>
      connection.once('ready', resolve).once('end', () => reject(new Error(`no node of ${config.REDIS_CLUSTER_NODES} answers`))),
    );
  return connection;
}

/**
 * Every key matching `pattern`. SCAN walks one server's keyspace, so in a cluster every master is
 * scanned: a key lives on the master serving its slot, and one node's SCAN misses the others'.
 */
export async function scanKeys(connection: TestRedis, pattern: string): Promise<string[]> {
  const servers = connection instanceof Cluster ? connection.nodes('master') : [connection];
  const keys: string[] = [];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, found] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
  }
  return keys;
}

/** Deletes every key matching `pattern`, one command per key (a cluster refuses a DEL across slots). */
export async function deleteKeys(connection: TestRedis, pattern: string): Promise<void> {
  await Promise.all((await scanKeys(connection, pattern)).map((key) => connection.del(key)));
}
