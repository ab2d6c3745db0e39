import { ResetTokenInvalidError } from './identity.errors.js';

/** Why the link was sent: it picks the e-mail and the throttle (only `reset` requests are throttled). */
export type ResetTokenPurpose = 'reset' | 'invitation' | 'account-locked' | 'admin-required';

/** A single-use reset link; only the SHA-256 of its secret is ever stored (docs/guarantees.md#reset-links-are-single-use-and-stay-secret). */
export class PasswordResetToken {
  private constructor(
    readonly id: string,
    readonly accountId: string,
    readonly tokenHash: string,
    readonly purpose: ResetTokenPurpose,
    readonly createdAt: Date,
    readonly expiresAt: Date,
    public usedAt: Date | null,
  ) {}

  static issue(input: {
    id: string;
    accountId: string;
    tokenHash: string;
    purpose: ResetTokenPurpose;
    now: Date;
    ttlSeconds: number;
  }): PasswordResetToken {
    const { id, accountId, tokenHash, purpose, now, ttlSeconds } = input;
    return new PasswordResetToken(id, accountId, tokenHash, purpose, now, new Date(now.getTime() + ttlSeconds * 1000), null);
  }

  isUsable(now: Date): boolean {
    return this.usedAt === null && this.expiresAt.getTime() > now.getTime();
  }

  assertUsable(now: Date): void {
    if (!this.isUsable(now)) throw new ResetTokenInvalidError();
  }

  spend(now: Date): void {
    this.assertUsable(now);
    this.usedAt = now;
  }
}
