import { normalizeEmail } from './email-address.vo.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from './identity.errors.js';
import { countFailedEntry, type FailedEntryOutcome } from './lockout.rule.js';
import type { PasswordHistory } from './password-history.vo.js';

export type { FailedEntryOutcome } from './lockout.rule.js';

export type AccountLocale = 'en' | 'ko';
export type AccountStatus = 'active' | 'password_reset_required';
export const ACCOUNT_LOCALES: readonly AccountLocale[] = ['en', 'ko'];

export class Account {
  /** Set by the failure that locks, cleared when its notice (reset link, e-mail) has been queued. */
  lockNoticePending = false;

  private constructor(
    readonly id: string,
    readonly organizationId: string,
    readonly email: string,
    readonly emailNormalized: string,
    public locale: AccountLocale,
    public passwordHash: string | null,
    public status: AccountStatus,
    public failedSignIns: number,
    public passwordChangedAt: Date | null,
    readonly createdAt: Date,
  ) {}

  /** Without a password the account waits for its owner to set one through the invitation link. */
  static register(input: { id: string; organizationId: string; email: string; locale: AccountLocale; passwordHash: string | null; now: Date }): Account {
    const { id, organizationId, email, locale, passwordHash, now } = input;
    const status: AccountStatus = passwordHash === null ? 'password_reset_required' : 'active';
    return new Account(id, organizationId, email.trim(), normalizeEmail(email), locale, passwordHash, status, 0, passwordHash ? now : null, now);
  }

  requiresReset(): boolean {
    return this.status === 'password_reset_required';
  }

  assertMaySignIn(): void {
    if (this.requiresReset() || this.passwordHash === null) throw new PasswordResetRequiredError();
  }

  /**
   * Called on the row the repository locked for this transaction, so concurrent failures
   * are counted one after another and exactly one of them reaches the threshold.
   */
  recordFailedSignIn(lockoutThreshold: number): FailedEntryOutcome {
    const next = countFailedEntry({ failedSignIns: this.failedSignIns, locked: this.requiresReset() }, lockoutThreshold);
    this.failedSignIns = next.failedSignIns;
    if (next.locked) this.status = 'password_reset_required';
    if (next.outcome === 'locked') this.lockNoticePending = true;
    return next.outcome;
  }

  /**
   * Called on the locked row before a change the owner asked for with their current password: the
   * hash that password was verified against must still be the account's (a reset or another change
   * may have committed since it was read), and no lockout or required reset may have landed meanwhile.
   */
  assertStillHasHash(verifiedHash: string): void {
    this.assertMaySignIn();
    if (this.passwordHash !== verifiedHash) throw new InvalidCredentialsError();
  }

  recordSuccessfulSignIn(): void {
    this.assertMaySignIn();
    this.failedSignIns = 0;
  }

  /** Same password, stronger hashing parameters: not a password change, so no history and no date. */
  upgradeHash(rehashed: string): void {
    this.passwordHash = rehashed;
  }

  /** Returns the history to store: the replaced hash joins it, trimmed to the policy's depth. */
  changePassword(newHash: string, history: PasswordHistory, historyDepth: number, now: Date): PasswordHistory {
    this.assertMaySignIn();
    return this.setPassword(newHash, history, historyDepth, now);
  }

  /** A reset by e-mail is the one way out of *password reset required*. */
  resetPassword(newHash: string, history: PasswordHistory, historyDepth: number, now: Date): PasswordHistory {
    return this.setPassword(newHash, history, historyDepth, now);
  }

  requireReset(): void {
    this.status = 'password_reset_required';
  }

  private setPassword(newHash: string, history: PasswordHistory, historyDepth: number, now: Date): PasswordHistory {
    const next = history.after(this.passwordHash, historyDepth);
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
    this.status = 'active';
    this.failedSignIns = 0;
    this.lockNoticePending = false;
    return next;
  }
}
