import 'reflect-metadata';
import { runEntryPoint } from '#libs/shared-kernel';
import { createWorkerApp } from './create-worker-app.js';

await runEntryPoint('worker', (config) => createWorkerApp(config));
