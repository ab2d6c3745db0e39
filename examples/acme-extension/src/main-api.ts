import 'reflect-metadata';
import { startApi } from '#apps/api';
import { runEntryPoint } from '#libs/platform';
import { AcmeModule } from './acme.module.js';

// ACME's API: Latchkey's, with ACME's module beside its own. Same settings as `npm run start:api`.
await runEntryPoint('api', (config) => startApi(config, { imports: [AcmeModule] }));
