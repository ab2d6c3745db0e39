import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { type AppConfig, ProblemDetailsFilter } from '#libs/platform';
import { WorkerModule, type WorkerOptions } from './worker.module.js';

/**
 * The queue processors, with a small HTTP server of their own on WORKER_PORT (HOST as the API):
 * `GET /health` and `GET /metrics`, nothing else. On SIGTERM the server stops answering first, then
 * the shutdown hooks close every BullMQ worker, which waits for in-flight jobs; a job cut off harder
 * than that returns to the queue when its lock expires and runs again (processors are idempotent).
 */
export async function createWorkerApp(config: AppConfig, options: WorkerOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(config, options), new FastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalFilters(app.get(ProblemDetailsFilter));
  try {
    await app.listen(config.WORKER_PORT, config.HOST);
  } catch (error) {
    await app.close(); // the processors had started: stop them before reporting that the port is taken
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  app.get(Logger).log(`worker ready; /health and /metrics on port ${port}`, 'Worker');
  return app;
}
