import type { SigningKeyState } from '../../domain/signing-key-policy.js';

export interface SigningKeyView {
  readonly kid: string;
  readonly alg: string;
  readonly state: SigningKeyState;
  readonly createdAt: Date;
  readonly activatesAt: Date;
  /** When it leaves the JWKS; null while it signs or waits to. */
  readonly dropsAt: Date | null;
}

/** The transmitter's SET signing keys (PostgreSQL, private halves encrypted at rest). */
export abstract class SigningKeys {
  /** The public keys receivers verify SETs with (RFC 7517 JWK Set); creates the first key on first need. */
  abstract jwks(): Promise<{ keys: Array<Record<string, unknown>> }>;
  /** Adds a key that signs from its activation on; the current one stays published for the retention period. */
  abstract rotate(): Promise<SigningKeyView>;
  abstract list(): Promise<SigningKeyView[]>;
}
