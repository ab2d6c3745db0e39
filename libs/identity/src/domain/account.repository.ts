import type { Account } from './account.aggregate.js';
import type { PasswordHistory } from './password-history.vo.js';

/** What a sign-in checks before it takes any lock. */
export interface StoredCredentials {
  accountId: string;
  passwordHash: string | null;
}

export abstract class AccountRepository {
  abstract findById(id: string): Promise<Account | null>;
  abstract findByEmail(organizationId: string, email: string): Promise<Account | null>;
  /** The id and hash alone, without loading the account (the sign-in path: the account is locked and read afresh after). */
  abstract findCredentials(organizationId: string, email: string): Promise<StoredCredentials | null>;
  /**
   * Reads the account afresh and locks its row until the transaction ends: every change
   * of an account (above all the failure count) goes through it, so concurrent changes
   * apply one after another instead of overwriting each other.
   */
  abstract lock(id: string): Promise<Account | null>;
  /** Throws ConflictError when the e-mail is taken in the organization. */
  abstract add(account: Account): Promise<void>;
  abstract save(account: Account): Promise<void>;
  /** In the caller's transaction: takes the account's pending lock notice, once (true for exactly one caller). */
  abstract claimLockNotice(id: string): Promise<boolean>;
  /** Accounts whose lock notice is still pending (their sender died or failed). */
  abstract withPendingLockNotice(limit: number): Promise<string[]>;
  abstract history(accountId: string): Promise<PasswordHistory>;
  abstract saveHistory(accountId: string, history: PasswordHistory, now: Date): Promise<void>;
}
