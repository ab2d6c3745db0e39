/** Field names that may carry a secret anywhere in a log object or a shown payload; their values are replaced. */
// `link`: a mail job's reset or invitation link carries its token (docs/guarantees.md#reset-links-are-single-use-and-stay-secret).
export const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'link',
] as const;

const SECRETS: ReadonlySet<string> = new Set(SECRET_FIELDS);
export const REDACTED = '[redacted]';

/**
 * `value` with the value of every field named like a secret replaced by `[redacted]`, down to
 * `depth` levels. Copy on write: what holds no secret is returned as it is (no allocation), and
 * what does is copied along the way to the secret, so `value` itself is never changed. Values with
 * a `toJSON` (dates, entities) are left to it; arrays are searched like objects.
 */
function withoutSecrets(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth < 0) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const redacted = withoutSecrets(value[index], depth - 1);
      if (redacted !== value[index]) (copy ??= [...value])[index] = redacted;
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    const redacted = redactField(key, field, depth - 1);
    if (redacted !== field) (copy ??= { ...(value as Record<string, unknown>) })[key] = redacted;
  }
  return copy ?? value;
}

/** A field's value, or `[redacted]` if the field is named like a secret and holds anything. */
function redactField(key: string, field: unknown, depth: number): unknown {
  return SECRETS.has(key) && field !== undefined && field !== null ? REDACTED : withoutSecrets(field, depth);
}

/**
 * A copy of `value` with every secret field's value replaced by `[redacted]`, at any depth. For
 * showing stored data (a queued job's payload) to a person; the stored data itself is left as it is.
 */
export function redactSecretFields(value: unknown): unknown {
  return withoutSecrets(value, Number.POSITIVE_INFINITY);
}

/** How deep a log object is searched: past any nesting a log call makes, and a bound for cyclic objects. */
const LOG_DEPTH = 8;

/**
 * A log object's secret fields redacted, before pino writes it (its `formatters.log`). `serialized`
 * keys (`req`, `res`, `err`) are skipped here: their serializers run after this and redact their
 * own output (`redactSerialized`). Done per written line only — unlike pino's `redact`, which with
 * wildcard paths also runs on every child logger's bindings, i.e. on every request.
 */
export function redactLogObject(object: Record<string, unknown>, serialized: ReadonlySet<string>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (serialized.has(key)) continue;
    const field = object[key];
    const redacted = redactField(key, field, LOG_DEPTH);
    if (redacted !== field) (copy ??= { ...object })[key] = redacted;
  }
  return copy ?? object;
}

/** A serializer's output with its secret fields redacted (an error's `cause` or details, say). */
export function redactSerialized(value: unknown): unknown {
  return withoutSecrets(value, LOG_DEPTH);
}
