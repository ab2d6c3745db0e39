import { AggregateRoot } from '#libs/building-blocks';

export const API_TOKEN_PREFIX = 'lk_';
/** How much of the token the list shows, so a user can tell tokens apart without the secret. */
export const API_TOKEN_DISPLAY_LENGTH = API_TOKEN_PREFIX.length + 6;

export interface CreateApiTokenInput {
  id: string;
  accountId: string;
  organizationId: string;
  name: string;
  /** The whole secret token; only its prefix and `secretHash` are kept. */
  token: string;
  secretHash: string;
  now: Date;
  expiresInDays: number | null;
  /** The account's credential version of the access token that creates it: the era it belongs to. */
  credentialVersion: number;
}

/** A long-lived bearer token for scripts; accepted wherever an access token is. */
export class ApiToken extends AggregateRoot {
  id!: string;
  accountId!: string;
  organizationId!: string;
  name!: string;
  tokenPrefix!: string;
  secretHash!: string;
  createdAt!: Date;
  expiresAt: Date | null = null;
  lastUsedAt: Date | null = null;
  revokedAt: Date | null = null;
  credentialVersion!: number;

  static create(input: CreateApiTokenInput): ApiToken {
    if (!input.token.startsWith(API_TOKEN_PREFIX)) throw new Error('an API token starts with its prefix');
    const token = new ApiToken();
    token.id = input.id;
    token.accountId = input.accountId;
    token.organizationId = input.organizationId;
    token.name = input.name;
    token.tokenPrefix = input.token.slice(0, API_TOKEN_DISPLAY_LENGTH);
    token.secretHash = input.secretHash;
    token.createdAt = input.now;
    token.expiresAt = input.expiresInDays === null ? null : new Date(input.now.getTime() + input.expiresInDays * 86_400_000);
    token.lastUsedAt = null;
    token.revokedAt = null;
    token.credentialVersion = input.credentialVersion;
    return token;
  }

  isUsable(now: Date): boolean {
    return this.revokedAt === null && (this.expiresAt === null || now < this.expiresAt);
  }

  /** Revocation is final; revoking twice changes nothing. Returns whether it changed. */
  revoke(now: Date): boolean {
    if (this.revokedAt !== null) return false;
    this.revokedAt = now;
    return true;
  }
}
