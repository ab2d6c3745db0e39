import { databaseUrl } from './bench-database.js';
import { ChildService, freePort, waitUntil } from './child-service.js';
import type { BenchRun } from './installation.js';

export interface Floor {
  service: ChildService;
  baseUrl: string;
}

/**
 * bench/children/nest-floor.ts (NestJS + Fastify, an HS256 verify and one Redis GET, a constant
 * answer) on the run's Redis under a prefix of its own; `token` is the access token it accepts, and
 * `serviceKey` the bearer its introspection takes.
 */
export async function startNestFloor(run: BenchRun, serviceKey: string): Promise<Floor & { token: string }> {
  const port = await freePort();
  const service = ChildService.start('nest-floor', 'dist/bench/children/nest-floor.js', {
    PORT: String(port),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `${run.id}_floor`,
    SERVICE_API_KEY: serviceKey,
  });
  run.children.push(service);
  await waitUntil(
    () => {
      if (!service.running) throw new Error(`the NestJS floor server exited: ${service.log.slice(-1_000)}`);
      return /^ey/m.test(service.log);
    },
    20_000,
    'the NestJS floor server',
  );
  const token = service.log.split('\n').find((line) => line.startsWith('ey')) ?? '';
  return { service, baseUrl: `http://127.0.0.1:${port}`, token };
}

/** bench/children/refresh-floor.ts on the installation's database: the least a refresh-token rotation costs on this stack. */
export async function startRefreshFloor(run: BenchRun, database: string): Promise<Floor> {
  const port = await freePort();
  const service = ChildService.start('refresh-floor', 'dist/bench/children/refresh-floor.js', {
    PORT: String(port),
    DATABASE_URL: databaseUrl(database),
    JWT_SECRET: `${run.id}-floor-secret-of-at-least-32-bytes`,
  });
  run.children.push(service);
  await waitUntil(
    () => {
      if (!service.running) throw new Error(`the refresh floor server exited: ${service.log.slice(-1_000)}`);
      return /^ready/m.test(service.log);
    },
    20_000,
    'the refresh floor server',
  );
  return { service, baseUrl: `http://127.0.0.1:${port}` };
}

/** Stops a floor and forgets it (the run's clean-up would stop it too). */
export async function stopFloor(run: BenchRun, floor: Floor): Promise<void> {
  await floor.service.stop();
  const index = run.children.indexOf(floor.service);
  if (index >= 0) run.children.splice(index, 1);
}
