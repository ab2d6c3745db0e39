import type { IncomingMessage } from 'node:http';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { redactSqlAttributes, redactUrlAttributes } from './redaction.js';

/** Probes an orchestrator or Prometheus makes every few seconds: not worth a trace each. */
const PROBES = ['/health', '/metrics'];
const isProbe = (url: string | undefined): boolean =>
  PROBES.some((path) => url === path || url?.startsWith(`${path}?`) || url?.startsWith(`${path}/`));

/**
 * The libraries traced, each set so that no secret reaches a span (docs/operations.md#tracing):
 * - HTTP: method, route, status; no header is recorded (so no Authorization), and query values are redacted.
 * - Fastify (`@fastify/otel`, Fastify's own instrumentation): a span per request and its handler, registered on
 *   each Fastify instance as it is created; lifecycle hooks get none (Nest adds several to every request).
 * - pg: the statement text with its literals redacted (the ORM inlines the values of batched writes), never the
 *   values bound to its `$1` placeholders.
 * - ioredis: the command name only: arguments hold keys, session data and job payloads.
 * pg and ioredis record only inside a trace (a request or a job), so the pollers (the outbox relay, BullMQ's
 * blocking reads) do not open a trace of their own every second.
 */
export function tracingInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => isProbe(request.url),
      requestHook: (span) => redactUrlAttributes(span),
    }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      instrumentHooks: false,
      recordExceptions: false,
      ignorePaths: (route) => isProbe(route.url),
      requestHook: (span) => redactUrlAttributes(span),
    }),
    new PgInstrumentation({
      enhancedDatabaseReporting: false,
      requireParentSpan: true,
      ignoreConnectSpans: true,
      requestHook: (span) => redactSqlAttributes(span),
    }),
    new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
  ];
}

/**
 * The packages the loader hook intercepts when they are imported from ESM code (the application imports ioredis
 * itself); their `require()`s are patched without it. Fastify is not patched: `@fastify/otel` attaches to each instance.
 */
export const HOOKED_MODULES = ['ioredis', 'pg', 'pg-pool'];
