import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HOOKED_MODULES, tracingInstrumentations } from './instrumentations.js';

export interface TracingOptions {
  serviceName: string;
  /**
   * `import.meta.url` of the preload. When given, the ESM loader hook of `@opentelemetry/instrumentation` is
   * registered, so that packages the application imports as ESM are patched too; tests that run as CommonJS
   * (where `require` is patched without a hook) leave it out.
   */
  loaderParentUrl?: string;
}

/**
 * Starts the OpenTelemetry Node SDK: traces only (metrics are Prometheus at /metrics, logs are stdout), exported
 * as the standard `OTEL_*` variables say (endpoint, protocol, headers, sampler, batch delays). Must run before
 * the traced packages are loaded, which the preload (`node --import …/instrument.js`) ensures.
 */
export function startTracing(options: TracingOptions): NodeSDK {
  if (options.loaderParentUrl) {
    register('@opentelemetry/instrumentation/hook.mjs', options.loaderParentUrl, { data: { include: HOOKED_MODULES } });
  }
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    instrumentations: tracingInstrumentations(),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  flushOnSignals(sdk);
  return sdk;
}

/**
 * On SIGTERM/SIGINT, exports the spans still buffered while the application shuts down. The process's own
 * shutdown (Nest's hooks) is left alone: when nothing else listens for the signal, it is raised again once the
 * spans are out, so the process ends as it would have without tracing.
 */
function flushOnSignals(sdk: NodeSDK): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void sdk
        .shutdown()
        .catch(() => undefined)
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
