import { INVALID_SPAN_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { redactQuery, redactSql, redactUrlAttributes } from './redaction.js';

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

describe('redactSql', () => {
  it('replaces the literals an ORM writes inline, and keeps the statement readable', () => {
    const sql = `insert into "outbox" ("id", "payload", "attempts") values ('33961486-4d86', '{"link":"http://x/reset-password#token=s3cret","o''k":1}', 0), ('a', 'b', 12.5)`;
    expect(redactSql(sql)).toBe(`insert into "outbox" ("id", "payload", "attempts") values ('?', '?', ?), ('?', '?', ?)`);
  });

  it('keeps placeholders, names with digits and parameterless statements as they are', () => {
    const sql = 'select "a0"."id" from "accounts" as "a0" where "a0"."email" = $1 and "a0"."organization_id" = $2 limit $3';
    expect(redactSql(sql)).toBe(sql);
    expect(redactSql('select 1')).toBe('select ?');
  });

  it('hides everything after an unterminated quote', () => {
    expect(redactSql("update t set a = 'ok', b = 'never closed s3cret")).toBe("update t set a = '?', b = '?'");
  });
});
