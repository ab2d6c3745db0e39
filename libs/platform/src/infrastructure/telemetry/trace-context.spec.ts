import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { captureTraceContext, processInTrace, relayInTrace } from './trace-context.js';

/** The hand-off of a trace through the outbox and the queue, with the SDK in-process and an in-memory exporter. */
describe('trace context across the outbox and the queue', () => {
  describe('with tracing off (no SDK registered)', () => {
    it('captures nothing, and relays and processes without a span', async () => {
      expect(captureTraceContext()).toBeNull();
      const metadata = await relayInTrace({ id: 'm1', queue: 'mail', name: 'reset', traceContext: null }, async (given) => given);
      expect(metadata).toBeUndefined();
      await expect(processInTrace('mail', { id: 'm1', name: 'reset', attemptsMade: 0 }, async () => 'sent')).resolves.toBe('sent');
    });
  });

  describe('with tracing on', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    beforeAll(() => provider.register());
    afterAll(async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    });
    beforeEach(() => exporter.reset());

    it("continues the writer's trace in the relay's producer span and the job's consumer span", async () => {
      const tracer = trace.getTracer('test');
      const request = tracer.startSpan('POST /v1/password-resets', { kind: SpanKind.SERVER });
      const stored = context.with(trace.setSpan(context.active(), request), () => captureTraceContext());
      request.end();
      expect(stored?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

      const metadata = await relayInTrace({ id: 'm1', queue: 'mail', name: 'reset', traceContext: stored }, async (given) => given);
      expect(JSON.parse(String(metadata))).toEqual({ traceparent: expect.any(String) });
      await processInTrace('mail', { id: 'm1', name: 'reset', attemptsMade: 2, opts: { telemetry: { metadata } } }, async () => {
        tracer.startSpan('select').end();
      });

      const spans = Object.fromEntries(exporter.getFinishedSpans().map((span) => [span.name, span]));
      const traceId = request.spanContext().traceId;
      expect(Object.values(spans).map((span) => span.spanContext().traceId)).toEqual([traceId, traceId, traceId, traceId]);
      expect(spans['send mail'].parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(spans['send mail'].kind).toBe(SpanKind.PRODUCER);
      expect(spans['process mail'].parentSpanContext?.spanId).toBe(spans['send mail'].spanContext().spanId);
      expect(spans['process mail'].kind).toBe(SpanKind.CONSUMER);
      expect(spans['process mail'].attributes).toMatchObject({ 'messaging.message.id': 'm1', 'latchkey.job.attempt': 3 });
      expect(spans.select.parentSpanContext?.spanId).toBe(spans['process mail'].spanContext().spanId);
    });

    it('starts a trace of its own for a job without context, and marks a failed job', async () => {
      await expect(
        processInTrace('mail', { id: 'm2', name: 'reset', attemptsMade: 0, opts: { telemetry: { metadata: 'not json' } } }, async () => {
          throw new Error('SMTP down');
        }),
      ).rejects.toThrow('SMTP down');
      const [span] = exporter.getFinishedSpans();
      expect(span.parentSpanContext).toBeUndefined();
      expect(span.status).toEqual({ code: 2, message: 'SMTP down' });
    });

    it('relays a row stored without context as before, with no span', async () => {
      await relayInTrace({ id: 'm3', queue: 'mail', name: 'reset', traceContext: null }, async () => undefined);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });
});
