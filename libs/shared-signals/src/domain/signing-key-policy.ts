/**
 * Which signing key signs and which keys the JWKS publishes, decided on the keys' dates alone so that
 * every API instance reading the same rows decides the same (SSF 1.0 §7.1 `jwks_uri`).
 *
 * A new key is published from its creation but signs only from `activatesAt` (creation plus
 * SSF_KEY_ACTIVATION_DELAY_SECONDS): a receiver that fetched the JWKS meanwhile already has it. The
 * key it replaces stays published for SSF_KEY_RETENTION_SECONDS after that, so every SET it signed
 * can still be verified while delivery retries it, then it is dropped.
 */
export interface SigningKeyDates {
  readonly kid: string;
  readonly createdAt: Date;
  readonly activatesAt: Date;
}

export type SigningKeyState = 'upcoming' | 'signing' | 'retired';

const newestFirst = <K extends SigningKeyDates>(keys: readonly K[]): K[] =>
  [...keys].sort((a, b) => b.activatesAt.getTime() - a.activatesAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime());

/** The key with the latest activation that has come; null before the first key activates. */
export function signingKey<K extends SigningKeyDates>(keys: readonly K[], now: Date): K | null {
  return newestFirst(keys).find((key) => key.activatesAt.getTime() <= now.getTime()) ?? null;
}

export function keyState(key: SigningKeyDates, keys: readonly SigningKeyDates[], now: Date): SigningKeyState {
  if (key.activatesAt.getTime() > now.getTime()) return 'upcoming';
  return signingKey(keys, now)?.kid === key.kid ? 'signing' : 'retired';
}

/** When a retired key leaves the JWKS: its successor's activation plus the retention; null while it is not retired. */
export function dropsAt(key: SigningKeyDates, keys: readonly SigningKeyDates[], retentionSeconds: number): Date | null {
  const successors = keys.filter((other) => other.activatesAt.getTime() > key.activatesAt.getTime());
  if (successors.length === 0) return null;
  const first = Math.min(...successors.map((s) => s.activatesAt.getTime()));
  return new Date(first + retentionSeconds * 1000);
}

/** Upcoming, signing, and retired keys within their retention. */
export function publishedKeys<K extends SigningKeyDates>(keys: readonly K[], now: Date, retentionSeconds: number): K[] {
  return newestFirst(keys).filter((key) => {
    const drop = dropsAt(key, keys, retentionSeconds);
    return drop === null || drop.getTime() > now.getTime();
  });
}

/** True when the signing key is older than the maximum age (0: never) and no successor is waiting. */
export function rotationDue(keys: readonly SigningKeyDates[], now: Date, maxAgeSeconds: number): boolean {
  const current = signingKey(keys, now);
  if (current === null) return keys.length === 0;
  if (maxAgeSeconds <= 0) return false;
  const waiting = keys.some((key) => key.activatesAt.getTime() > current.activatesAt.getTime());
  return !waiting && current.activatesAt.getTime() + maxAgeSeconds * 1000 <= now.getTime();
}
