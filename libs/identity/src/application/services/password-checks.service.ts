import { Injectable } from '@nestjs/common';
import type { RequestOrigin } from '#libs/building-blocks';
import type { Account } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import { normalizeEmail } from '../../domain/email-address.vo.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from '../../domain/identity.errors.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';
import { PasswordHasher } from '../ports/password-hasher.port.js';
import { FailedEntries } from './failed-entries.service.js';

export interface VerifiedSignIn {
  accountId: string;
  organization: Organization;
  /** The hash the password matched, read without a lock: the sign-in goes ahead only if the locked row still has it. */
  verifiedHash: string;
  /** The same password hashed with the configured parameters, when the stored hash was made with others. */
  rehashed: string | null;
}

/**
 * A typed password checked before any row lock (a verify is too slow to hold one). A wrong one counts as a
 * failed entry (FailedEntries) and answers 401, or 423 from the lock on.
 */
@Injectable()
export class PasswordChecks {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly failedEntries: FailedEntries,
  ) {}

  /**
   * docs/guarantees.md#failures-that-answer-alike: every path costs one verify — a dummy one for an unknown
   * identity or an account without a password — and every failure one counting transaction of the same shape,
   * so an unknown identity answers like an account (the same 401…423 sequence, on a row of its own), and as fast.
   */
  async verifySignIn(attempt: { organization: string; email: string; password: string; origin: RequestOrigin }): Promise<VerifiedSignIn> {
    const { password, origin } = attempt;
    const [name, email] = [attempt.organization.toLowerCase(), normalizeEmail(attempt.email)];
    const organization = await this.organizations.findByNameForReading(name);
    const stored = organization && (await this.accounts.findCredentials(organization.id, email));
    const hash = stored ? stored.passwordHash : null;
    const matches = hash === null ? (await this.hasher.verifyDummy(password), false) : await this.hasher.verify(hash, password);
    if (organization && stored && matches && hash !== null) {
      return {
        accountId: stored.accountId,
        organization,
        verifiedHash: hash,
        rehashed: this.hasher.needsRehash(hash) ? await this.hasher.hash(password) : null,
      };
    }
    const outcome =
      organization && stored
        ? await this.failedEntries.record(stored.accountId, organization, origin, 'sign-in')
        : await this.failedEntries.recordUnknown(name, email, organization, origin);
    throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
  }

  /** The hash the owner's current password matched, for a password change; the change re-checks it under the lock. */
  async verifyCurrentPassword(account: Account, organization: Organization, password: string, origin: RequestOrigin): Promise<string> {
    const hash = account.passwordHash;
    if (account.requiresReset() || hash === null) throw new PasswordResetRequiredError();
    if (await this.hasher.verify(hash, password)) return hash;
    const outcome = await this.failedEntries.record(account.id, organization, origin, 'password-change');
    throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
  }
}
