import { INVALID_SPAN_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { redactQuery, redactUrlAttributes } from './redaction.js';

describe('redactQuery', () => {
  it('keeps the names of query parameters and redacts their values', () => {
    expect(redactQuery('/v1/things?token=abc&page=2&flag')).toBe('/v1/things?token=REDACTED&page=REDACTED&flag');
    expect(redactQuery('http://host:3000/x?code=s3cret')).toBe('http://host:3000/x?code=REDACTED');
  });

  it('drops a fragment, where a reset link carries its token', () => {
    expect(redactQuery('http://localhost:3000/reset-password#token=s3cret')).toBe('http://localhost:3000/reset-password');
    expect(redactQuery('/a?b=1#token=s3cret')).toBe('/a?b=REDACTED');
  });

  it('returns a URL with neither as it is', () => {
    expect(redactQuery('/v1/auth/sign-in')).toBe('/v1/auth/sign-in');
  });
});

describe('redactUrlAttributes', () => {
  it('rewrites the URL attributes of a recorded span, and no other', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const span = provider.getTracer('test').startSpan('GET', {
      attributes: {
        'http.target': '/x?token=s3cret',
        'url.full': 'http://h/x?token=s3cret',
        'url.query': 'token=s3cret',
        'http.method': 'GET',
      },
    });
    redactUrlAttributes(span);
    span.end();
    expect(exporter.getFinishedSpans()[0].attributes).toEqual({
      'http.target': '/x?token=REDACTED',
      'url.full': 'http://h/x?token=REDACTED',
      'url.query': 'token=REDACTED',
      'http.method': 'GET',
    });
  });

  it('leaves a span that does not expose its attributes alone', () => {
    expect(() => redactUrlAttributes(trace.wrapSpanContext(INVALID_SPAN_CONTEXT))).not.toThrow();
  });
});
