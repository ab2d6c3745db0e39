import type { PasswordResetToken } from './password-reset-token.aggregate.js';

export abstract class PasswordResetTokenRepository {
  abstract findByHash(tokenHash: string): Promise<PasswordResetToken | null>;
  abstract add(token: PasswordResetToken): Promise<void>;
  /**
   * Spends the token if it is still usable, as one conditional write: of several concurrent
   * confirmations exactly one gets `true` (docs/guarantees.md#reset-links-are-single-use-and-stay-secret).
   */
  abstract spendIfUsable(token: PasswordResetToken, now: Date): Promise<boolean>;
  /** Spends every outstanding token of the account (a reset or change makes old links useless). */
  abstract spendAllOf(accountId: string, now: Date): Promise<void>;
  /** Reset requests (purpose `reset`) of the account since `since`, for the per-account throttle. */
  abstract countRequestedSince(accountId: string, since: Date): Promise<number>;
}
