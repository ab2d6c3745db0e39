import { SECRET_FIELDS } from './logger-options.js';

const SECRETS: ReadonlySet<string> = new Set(SECRET_FIELDS);
export const REDACTED = '[redacted]';

/**
 * A copy of `value` with the value of every field named like a secret (the names the logs redact:
 * `link`, `token`, `password`, ...) replaced by `[redacted]`, at any depth. For showing stored data
 * (a queued job's payload) to a person; the stored data itself is left as it is.
 */
export function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRETS.has(key) && field !== undefined && field !== null ? REDACTED : redactSecretFields(field),
    ]),
  );
}
