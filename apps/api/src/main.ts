import 'reflect-metadata';
import { runEntryPoint } from '#libs/platform';
import { startApi } from './start-api.js';

await runEntryPoint('api', (config) => startApi(config));
