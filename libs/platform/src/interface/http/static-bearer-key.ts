import { hash, timingSafeEqual } from 'node:crypto';

// The one-shot `hash` (no Hash object) costs a third of createHash…digest on a short key; 'buffer'
// returns the digest's bytes without a round trip through a hex string.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');
const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * A configured key presented as `Authorization: Bearer {key}` (the administration and service keys).
 * Both sides are hashed first, so the comparison takes the same time whatever the length or content
 * of the presented key.
 */
export class StaticBearerKey {
  private readonly expected: Buffer;

  constructor(key: string) {
    this.expected = digest(key);
  }

  matches(authorization: unknown): boolean {
    const match = typeof authorization === 'string' ? BEARER.exec(authorization.trim()) : null;
    return match !== null && this.isKey(match[1]);
  }

  /** The key presented some other way (an OAuth client secret). */
  isKey(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.expected);
  }
}
