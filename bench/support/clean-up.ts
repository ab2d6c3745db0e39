import { rm } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { dropDatabases } from './bench-database.js';
import type { BenchRun } from './installation.js';

/** Stops every child the run started, drops its databases, deletes its Redis keys, mail folder and other folders. */
export async function cleanUp(run: BenchRun): Promise<void> {
  for (const child of [...run.children].reverse()) await child.stop().catch(() => undefined);
  run.children.length = 0;
  await dropDatabases(run.id).catch((error) => console.error(`bench: could not drop databases ${run.id}*: ${(error as Error).message}`));
  const redis = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    // Every key of an installation starts with its hash-tagged prefix `{<run id>_<name>}`.
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${run.id}_*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (error) {
    console.error(`bench: could not delete Redis keys {${run.id}_*: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
  for (const directory of [run.mailDir, ...run.directories]) await rm(directory, { recursive: true, force: true });
}
