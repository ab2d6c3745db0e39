import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#libs/platform';
import { WorkerModule, type WorkerOptions } from './worker.module.js';

/**
 * The queue processors, without HTTP. On SIGTERM the shutdown hooks close every BullMQ worker,
 * which waits for in-flight jobs; a job cut off harder than that returns to the queue when its
 * lock expires and runs again (processors are idempotent).
 */
export async function createWorkerApp(config: AppConfig, options: WorkerOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('worker ready', 'Worker');
  return app;
}
