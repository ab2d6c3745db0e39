import 'reflect-metadata';
import { runEntryPoint } from '#libs/shared-kernel';
import { createApiApp } from './create-api-app.js';

await runEntryPoint('api', async (config) => {
  const app = await createApiApp(config);
  await app.listen(config.PORT, '0.0.0.0');
  return app;
});
