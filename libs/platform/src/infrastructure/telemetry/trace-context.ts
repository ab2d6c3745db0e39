import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Carries a trace across the outbox and the queue (docs/operations.md#tracing). Only `@opentelemetry/api` is
 * used here: with tracing off no SDK is registered, these functions do (next to) nothing and store nothing.
 * The format of the job's context is BullMQ's own (`opts.telemetry.metadata`, the JSON of a W3C carrier, as
 * `bullmq-otel` writes it), so a worker with BullMQ's telemetry turned on would continue it as well.
 */
const tracer = () => trace.getTracer('latchkey');

export type TraceCarrier = Record<string, string>;

/** The W3C trace context (`traceparent`, `tracestate`) of the active span; null when there is none (or tracing is off). */
export function captureTraceContext(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

export interface OutboxMessageRef {
  id: string;
  queue: string;
  name: string;
  traceContext: TraceCarrier | null;
}

/**
 * Enqueues an outbox message inside a producer span that continues the trace stored with its row (that of
 * the request that wrote it), and hands `enqueue` the job's trace metadata. A row stored without one is
 * enqueued as it always was, with no span.
 */
export function relayInTrace<T>(message: OutboxMessageRef, enqueue: (traceMetadata?: string) => Promise<T>): Promise<T> {
  if (!message.traceContext) return enqueue();
  const parent = propagation.extract(ROOT_CONTEXT, message.traceContext);
  const span = tracer().startSpan(
    `send ${message.queue}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'send',
        'messaging.destination.name': message.queue,
        'messaging.message.id': message.id,
        'latchkey.job.name': message.name,
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  const carrier: TraceCarrier = {};
  propagation.inject(active, carrier);
  const metadata = carrier.traceparent ? JSON.stringify(carrier) : undefined;
  return context.with(active, () => inSpan(span, () => enqueue(metadata)));
}

export interface TracedJob {
  id?: string;
  name: string;
  attemptsMade: number;
  opts?: { telemetry?: { metadata?: string } };
}

function parseMetadata(metadata: string | undefined): TraceCarrier {
  try {
    const parsed: unknown = metadata ? JSON.parse(metadata) : {};
    return parsed && typeof parsed === 'object' ? (parsed as TraceCarrier) : {};
  } catch {
    return {};
  }
}

/** Runs a job's processing in a consumer span, the child of the producer span its metadata names (if any). */
export function processInTrace<T>(queue: string, job: TracedJob, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, parseMetadata(job.opts?.telemetry?.metadata));
  const span = tracer().startSpan(
    `process ${queue}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': queue,
        'messaging.message.id': String(job.id),
        'latchkey.job.name': job.name,
        'latchkey.job.attempt': job.attemptsMade + 1,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), () => inSpan(span, work));
}
