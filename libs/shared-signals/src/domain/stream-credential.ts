/**
 * An organization-scoped credential for the stream management API: a secret shown once, stored as
 * a SHA-256 hash (the secret is 256 random bits, so a slow hash adds nothing), revocable.
 */
export interface StreamCredential {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly secretHash: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export const STREAM_CREDENTIAL_PREFIX = 'lkssf_';

export abstract class StreamCredentialRepository {
  abstract add(credential: StreamCredential): Promise<void>;
  /** A credential that is not revoked, by the hash of its secret. */
  abstract findActiveByHash(secretHash: string): Promise<StreamCredential | null>;
  abstract list(organizationId: string): Promise<StreamCredential[]>;
  /** True when an active credential of the organization was revoked now. */
  abstract revoke(organizationId: string, credentialId: string, now: Date): Promise<boolean>;
}
