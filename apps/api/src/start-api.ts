import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, developmentKeysWarning } from '#libs/platform';
import type { ApiOptions } from './app.module.js';
import { createApiApp } from './create-api-app.js';

/** Builds the API and listens on HOST:PORT, warning when the public development keys are in use. */
export async function startApi(config: AppConfig, options: ApiOptions = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, options);
  await app.listen(config.PORT, config.HOST);
  const logger = new Logger('Startup');
  logger.log(`API listening on ${config.HOST}:${config.PORT}`);
  const warning = developmentKeysWarning(config);
  if (warning) logger.warn(warning);
  return app;
}
