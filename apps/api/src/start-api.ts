import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '#libs/platform';
import type { ApiOptions } from './app.module.js';
import { createApiApp } from './create-api-app.js';

/** Builds the API and listens on HOST:PORT, warning when the public development keys are in use. */
export async function startApi(config: AppConfig, options: ApiOptions = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, options);
  await app.listen(config.PORT, config.HOST);
  const keys = config.developmentKeysInUse;
  if (keys.length > 0) {
    new Logger('Startup').warn(
      `Development keys in use (${keys.join(', ')}): they are public, so anyone who can reach this API at ${config.HOST}:${config.PORT} ` +
        'can forge access tokens and call the administration API. Set keys of your own before letting anyone else reach it.',
    );
  }
  return app;
}
