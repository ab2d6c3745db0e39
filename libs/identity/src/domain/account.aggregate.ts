import { AggregateRoot, type RequestOrigin } from '#libs/building-blocks';
import { normalizeEmail } from './email-address.vo.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from './identity.errors.js';
import {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  PasswordChanged,
  PasswordReset,
  ResetRequested,
  SignedIn,
  SignInFailed,
} from './identity.events.js';
import { countFailedEntry, type FailedEntryOutcome } from './lockout.rule.js';
import type { NewPassword, PasswordHistory } from './password-history.vo.js';
import type { ResetTokenPurpose } from './password-reset-token.aggregate.js';

export type { FailedEntryOutcome } from './lockout.rule.js';

export type AccountLocale = 'en' | 'ko';
export type AccountStatus = 'active' | 'password_reset_required';
export const ACCOUNT_LOCALES: readonly AccountLocale[] = ['en', 'ko'];

/** An account; its behaviour records what happened (identity.events.ts), published by the handler before commit. */
export class Account extends AggregateRoot {
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
  ) {
    super();
  }

  /** Without a password the account waits for its owner to set one through the invitation link. */
  static register(input: {
    id: string;
    organizationId: string;
    email: string;
    locale: AccountLocale;
    passwordHash: string | null;
    now: Date;
    origin: RequestOrigin;
  }): Account {
    const { id, organizationId, email, locale, passwordHash, now, origin } = input;
    const status: AccountStatus = passwordHash === null ? 'password_reset_required' : 'active';
    const account = new Account(
      id,
      organizationId,
      email.trim(),
      normalizeEmail(email),
      locale,
      passwordHash,
      status,
      0,
      passwordHash ? now : null,
      now,
    );
    account.record(new AccountCreated(id, organizationId, passwordHash === null, origin, now));
    return account;
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
  recordFailedSignIn(
    lockoutThreshold: number,
    attempt: { via: 'sign-in' | 'password-change'; origin: RequestOrigin; now: Date },
  ): FailedEntryOutcome {
    const next = countFailedEntry({ failedSignIns: this.failedSignIns, locked: this.requiresReset() }, lockoutThreshold);
    this.failedSignIns = next.failedSignIns;
    if (next.locked) this.status = 'password_reset_required';
    if (next.outcome === 'locked') this.lockNoticePending = true;
    const reason = next.outcome === 'already-locked' ? 'password-reset-required' : 'wrong-password';
    this.record(new SignInFailed(this.id, this.organizationId, attempt.via, reason, this.failedSignIns, attempt.origin, attempt.now));
    return next.outcome;
  }

  /**
   * The notice of a lock (reset link, mail, audit), recorded in the transaction that claimed the
   * pending notice — just after the locking failure's answer, or by the sweeper — so it goes out once.
   */
  announceLock(lockoutThreshold: number, origin: RequestOrigin, now: Date): void {
    this.record(new AccountLocked(this.id, this.organizationId, this.failedSignIns, lockoutThreshold, origin, now));
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

  /**
   * Called on the locked row for a password that matched `verifiedHash` before the lock: admitted (the
   * count cleared, the hash upgraded when `rehashed`) unless a lock, a required reset or another password
   * landed meanwhile — then the refusal is recorded and false returned.
   */
  admitSignIn(verifiedHash: string, rehashed: string | null, origin: RequestOrigin, now: Date): boolean {
    if (this.requiresReset() || this.passwordHash !== verifiedHash) {
      this.record(new SignInFailed(this.id, this.organizationId, 'sign-in', 'password-reset-required', null, origin, now));
      return false;
    }
    this.recordSuccessfulSignIn();
    if (rehashed) this.upgradeHash(rehashed);
    return true;
  }

  /** The session an admitted sign-in opened. */
  signedIn(sessionId: string, hashUpgraded: boolean, origin: RequestOrigin, now: Date): void {
    this.record(new SignedIn(this.id, this.organizationId, sessionId, hashUpgraded, origin, now));
  }

  /** Same password, stronger hashing parameters: not a password change, so no history and no date. */
  upgradeHash(rehashed: string): void {
    this.passwordHash = rehashed;
  }

  /**
   * The owner's change, with the current password verified against `verifiedHash` (see assertStillHasHash).
   * Returns the history to store: the replaced hash joins it, trimmed to the policy's depth.
   */
  changePassword(
    verifiedHash: string,
    password: NewPassword,
    change: { sessionId: string; expireSessionsAndTokens: boolean; origin: RequestOrigin; now: Date },
  ): PasswordHistory {
    this.assertStillHasHash(verifiedHash);
    const { sessionId, expireSessionsAndTokens: expire, origin, now } = change;
    const history = this.setPassword(password, now);
    this.record(new PasswordChanged(this.id, this.organizationId, sessionId, expire, origin, now));
    if (expire) this.record(new CredentialsExpired(this.id, this.organizationId, { by: 'owner', via: 'password-change' }, origin, now));
    return history;
  }

  /** A reset by e-mail is the one way out of *password reset required*. Returns the history to store. */
  resetPassword(
    password: NewPassword,
    reset: { via: ResetTokenPurpose; expireSessionsAndTokens: boolean; origin: RequestOrigin; now: Date },
  ): PasswordHistory {
    const { via, expireSessionsAndTokens: expire, origin, now } = reset;
    const history = this.setPassword(password, now);
    this.record(new PasswordReset(this.id, this.organizationId, via, expire, origin, now));
    if (expire) this.record(new CredentialsExpired(this.id, this.organizationId, { by: 'owner', via: 'password-reset' }, origin, now));
    return history;
  }

  /** An administrator's: sign-in answers 423 from now on, and the owner is sent a reset link. */
  requireReset(origin: RequestOrigin, now: Date): void {
    this.status = 'password_reset_required';
    this.record(new AccountResetRequired(this.id, this.organizationId, origin, now));
  }

  /** An administrator's answer to a suspected compromise: every credential of the account ends. */
  expireCredentials(origin: RequestOrigin, now: Date): void {
    this.record(new CredentialsExpired(this.id, this.organizationId, { by: 'administrator' }, origin, now));
  }

  /** The owner asked for a reset link; `sent` is false when the throttle holds it back. */
  requestReset(sent: boolean, origin: RequestOrigin, now: Date): void {
    this.record(new ResetRequested(this.id, this.organizationId, sent, origin, now));
  }

  private setPassword({ hash: newHash, history, historyDepth }: NewPassword, now: Date): PasswordHistory {
    const next = history.after(this.passwordHash, historyDepth);
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
    this.status = 'active';
    this.failedSignIns = 0;
    this.lockNoticePending = false;
    return next;
  }
}
