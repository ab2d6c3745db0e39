/**
 * Tracing is off unless an OTLP endpoint is configured (the standard `OTEL_EXPORTER_OTLP_ENDPOINT`, or its
 * traces-only form), and `OTEL_SDK_DISABLED=true` turns it off again. This file imports nothing, so the
 * preload can ask it without loading any part of the OpenTelemetry SDK (docs/operations.md#tracing).
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** The service name spans carry: `OTEL_SERVICE_NAME` when set, else the process's own (`latchkey-api`, `latchkey-worker`). */
export function tracingServiceName(env: NodeJS.ProcessEnv, fallback: string): string {
  return env.OTEL_SERVICE_NAME?.trim() || fallback;
}
