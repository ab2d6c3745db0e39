import type { LoggedEvent } from '../ports/event-log.port.js';
import type { StreamTarget } from '../ports/stream-directory.port.js';

/** What is signed: the logged claims (same `jti`, `iat`, `txn` on every delivery) with `iss` and the stream's `aud`. */
export function signedClaims(issuer: string, target: StreamTarget, event: LoggedEvent): Record<string, unknown> {
  const aud = target.audience.length === 1 ? target.audience[0] : [...target.audience];
  return { iss: issuer, aud, ...event.claims };
}
