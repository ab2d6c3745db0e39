import 'reflect-metadata';
import { runEntryPoint } from '#libs/platform';
import { createWorkerApp } from './create-worker-app.js';

await runEntryPoint('worker', (config) => createWorkerApp(config));
