import type { Attributes, Span } from '@opentelemetry/api';

/** Query values are replaced by this: a URL in a span keeps its shape, never a token or an e-mail it carried. */
export const REDACTED = 'REDACTED';

/**
 * `path?a=1&b=2#x` → `path?a=REDACTED&b=REDACTED`: query values are redacted and the fragment (where a reset
 * link carries its token) is dropped. A URL with neither is returned as it is.
 */
export function redactQuery(url: string): string {
  const withoutFragment = url.replace(/#.*$/s, '');
  const start = withoutFragment.indexOf('?');
  if (start < 0) return withoutFragment;
  const redacted = withoutFragment
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? pair : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join('&');
  return `${withoutFragment.slice(0, start)}?${redacted}`;
}

// Attributes that hold a URL or a part of one, in the old and the stable HTTP conventions.
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.path', 'url.query'];

/**
 * Called from the HTTP and Fastify request hooks, right after a request's span has its attributes: rewrites
 * every URL attribute with its query values redacted. Reads the attributes of the SDK's span (they are not
 * part of the API's `Span`); a span that does not expose them is left as it is.
 */
export function redactUrlAttributes(span: Span): void {
  const attributes = (span as unknown as { attributes?: Attributes }).attributes;
  if (!attributes) return;
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value !== 'string') continue;
    const redacted = key === 'url.query' ? redactQuery(`?${value}`).slice(1) : redactQuery(value);
    if (redacted !== value) span.setAttribute(key, redacted);
  }
}

/**
 * SQL with its literals replaced by `?`: the ORM writes some statements (batched inserts and updates) with their
 * values inline, so the text would otherwise carry password hashes, token hashes and the outbox's reset links.
 * Quoted strings become `'?'`; numbers become `?`, but not placeholders (`$1`) or digits inside names (`t0`).
 * An unterminated quote hides everything after it.
 */
export function redactSql(sql: string): string {
  const quoted = redactUnterminated(sql.replace(/'(?:[^']|'')*'/g, "'?'"));
  return quoted.replace(/(?<![\w$.])\d+(?:\.\d+)?(?![\w.])/g, '?');
}

function redactUnterminated(sql: string): string {
  // Every complete literal is now `'?'`; the first quote that does not start one opens the unterminated literal.
  for (let index = sql.indexOf("'"); index >= 0; index = sql.indexOf("'", index + 3)) {
    if (!sql.startsWith("'?'", index)) return `${sql.slice(0, index)}'?'`;
  }
  return sql;
}

const SQL_ATTRIBUTES = ['db.query.text', 'db.statement'];

/** Called from the pg request hook: rewrites the statement attributes with their literals redacted. */
export function redactSqlAttributes(span: Span): void {
  const attributes = (span as unknown as { attributes?: Attributes }).attributes;
  if (!attributes) return;
  for (const key of SQL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string') span.setAttribute(key, redactSql(value));
  }
}
