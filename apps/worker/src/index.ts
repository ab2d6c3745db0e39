// The worker as a library, for an application that embeds Latchkey with modules of its own (docs/extending.md).
export { createWorkerApp } from './create-worker-app.js';
export type { WorkerOptions } from './worker.module.js';
