import { AggregateRoot } from '#libs/building-blocks';
import { RefreshToken } from './refresh-token.entity.js';

export interface OpenSessionInput {
  id: string;
  accountId: string;
  organizationId: string;
  clientIp: string;
  userAgent: string | null;
  now: Date;
  /** Absolute lifetime: refreshing never extends it. */
  lifetimeSeconds: number;
}

export type RotationResult =
  | { outcome: 'rotated'; next: RefreshToken }
  /** An already-used refresh token: the whole session has just ended (reuse detection). */
  | { outcome: 'reused' }
  | { outcome: 'inactive' };

export const END_REASON = {
  refreshTokenReused: 'refresh_token_reused',
  expired: 'expired',
} as const;

/** One sign-in on one device; its refresh tokens rotate on every use until it ends or expires. */
export class Session extends AggregateRoot {
  id!: string;
  accountId!: string;
  organizationId!: string;
  createdAt!: Date;
  lastUsedAt!: Date;
  expiresAt!: Date;
  endedAt: Date | null = null;
  endReason: string | null = null;
  clientIp!: string;
  userAgent: string | null = null;
  /** The account's credential version when the session opened: an expiry that advanced it since ended the session. */
  credentialVersion!: number;

  static open(input: OpenSessionInput): Session {
    const session = new Session();
    session.id = input.id;
    session.accountId = input.accountId;
    session.organizationId = input.organizationId;
    session.createdAt = input.now;
    session.lastUsedAt = input.now;
    session.expiresAt = new Date(input.now.getTime() + input.lifetimeSeconds * 1000);
    session.endedAt = null;
    session.endReason = null;
    session.clientIp = input.clientIp;
    session.userAgent = input.userAgent;
    return session;
  }

  isActive(now: Date): boolean {
    return this.endedAt === null && now < this.expiresAt;
  }

  issueRefreshToken(id: string, tokenHash: string, now: Date): RefreshToken {
    return new RefreshToken(id, this.id, tokenHash, now);
  }

  /**
   * Spends `presented` and issues the next token. A token presented twice means it was copied:
   * the session ends, so neither the thief nor the owner can go on with it.
   */
  rotate(presented: RefreshToken, next: { id: string; tokenHash: string }, now: Date): RotationResult {
    if (presented.sessionId !== this.id) return { outcome: 'inactive' };
    if (presented.isUsed()) {
      this.end(END_REASON.refreshTokenReused, now);
      return { outcome: 'reused' };
    }
    if (!this.isActive(now)) {
      if (this.endedAt === null) this.end(END_REASON.expired, now);
      return { outcome: 'inactive' };
    }
    presented.usedAt = now;
    this.lastUsedAt = now;
    return { outcome: 'rotated', next: this.issueRefreshToken(next.id, next.tokenHash, now) };
  }

  /** Ends the session; ending an ended session changes nothing. Returns whether it changed. */
  end(reason: string, now: Date): boolean {
    if (this.endedAt !== null) return false;
    this.endedAt = now;
    this.endReason = reason;
    return true;
  }
}
