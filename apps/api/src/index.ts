// The API as a library, for an application that embeds Latchkey with modules of its own (docs/extending.md).
export type { ApiOptions } from './app.module.js';
export { createApiApp } from './create-api-app.js';
export { startApi } from './start-api.js';
