import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { runEntryPoint } from '#libs/platform';
import { createApiApp } from './create-api-app.js';

await runEntryPoint('api', async (config) => {
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
  const keys = config.developmentKeysInUse;
  if (keys.length > 0) {
    new Logger('Startup').warn(
      `Development keys in use (${keys.join(', ')}): they are public, so anyone who can reach this API at ${config.HOST}:${config.PORT} ` +
        'can forge access tokens and call the administration API. Set keys of your own before letting anyone else reach it.',
    );
  }
  return app;
});
