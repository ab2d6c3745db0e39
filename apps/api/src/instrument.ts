/**
 * Preloaded before the api (`node --import ./dist/apps/api/src/instrument.js dist/apps/api/src/main.js`):
 * starts OpenTelemetry tracing before the traced packages load, only when an OTLP endpoint is configured
 * (docs/operations.md#tracing). Otherwise it loads nothing more than this file and the settings check.
 * It reaches the telemetry files directly: the platform's index would load those packages first.
 */
import { existsSync } from 'node:fs';
import { tracingRequested, tracingServiceName } from '../../../libs/platform/src/infrastructure/telemetry/tracing-settings.js';

// As the entry point does (`readEnvironment`): `.env` fills in what the real environment leaves unset.
if (existsSync('.env')) process.loadEnvFile('.env');
if (tracingRequested(process.env)) {
  const { startTracing } = await import('../../../libs/platform/src/infrastructure/telemetry/start-tracing.js');
  startTracing({ serviceName: tracingServiceName(process.env, 'latchkey-api'), loaderParentUrl: import.meta.url });
}
