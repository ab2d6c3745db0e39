import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * A floor's NestJS + Fastify application on `PORT` (no logger), its first output line (`ready`, or what
 * the benchmark needs to read from it) once it listens, and an orderly exit on SIGTERM: the app, then
 * what it used (`release`).
 */
export async function serveFloor(module: object, release: () => Promise<unknown>, firstLine = 'ready'): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  console.log(firstLine);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(release)
        .then(() => process.exit(0)),
  );
}
