import type { EntityManager } from '@mikro-orm/postgresql';
import { connectTestRedis, scanKeys, type TestRedis } from '../support/redis-keys.js';
import type { AppConfig } from '#libs/platform';

/** Every row of every table of the database's `public` schema, as JSON text, by table name. */
export async function everyTableRow(em: EntityManager): Promise<Map<string, string>> {
  const tables = await em.execute<{ tablename: string }[]>(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const dump = new Map<string, string>();
  for (const { tablename } of tables) {
    const rows = await em.execute(`select * from "${tablename.replace(/"/g, '""')}"`);
    dump.set(tablename, JSON.stringify(rows));
  }
  return dump;
}

/** Every Redis key of the installation's prefix with its whole value, read by the key's type. */
export async function everyRedisKey(config: AppConfig): Promise<Map<string, string>> {
  const redis = await connectTestRedis(config);
  const dump = new Map<string, string>();
  try {
    for (const key of await scanKeys(redis, `${config.redisPrefix}*`)) dump.set(key, JSON.stringify(await readKey(redis, key)));
  } finally {
    redis.disconnect();
  }
  return dump;
}

async function readKey(redis: TestRedis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  switch (type) {
    case 'none':
      return null;
    case 'string':
      return redis.get(key);
    case 'hash':
      return redis.hgetall(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      throw new Error(`key ${key} is of a type the scan cannot read: ${type}`);
  }
}

/** The places (table or key names) whose stored text contains `secret`. */
export function placesHolding(dump: Map<string, string>, secret: string): string[] {
  return [...dump].filter(([, text]) => text.includes(secret)).map(([place]) => place);
}
