import { Injectable } from '@nestjs/common';
import { Clock, DomainEvents, INTERNAL_ORIGIN, type RequestOrigin, UnitOfWork } from '#libs/building-blocks';
import type { Account, FailedEntryOutcome } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import { isEmailAddress } from '../../domain/email-address.vo.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';
import { UnknownIdentityRepository } from '../../domain/unknown-identity.repository.js';
import { DeferredWork } from '../ports/deferred-work.port.js';
import { AuditTrail } from './audit-trail.service.js';
import { PasswordPolicies } from './password-policies.service.js';

/**
 * A wrong password (docs/guarantees.md#lockout), for an account or for an identity that does not exist. Both are
 * counted the same way before the answer — one transaction: lock the row, count, save, audit (`SignInFailed` for
 * an account, a row written here for an unknown identity, which is no account and raises no event) — so the two
 * cost alike; what a lock sets off for a real owner (`AccountLocked`: reset link, mail, `account.locked`) is
 * deferred until the answer is on its way. docs/security.md says what still differs.
 */
@Injectable()
export class FailedEntries {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organizations: OrganizationRepository,
    private readonly unknownIdentities: UnknownIdentityRepository,
    private readonly policies: PasswordPolicies,
    private readonly audit: AuditTrail,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly deferred: DeferredWork,
    private readonly clock: Clock,
  ) {}

  async record(
    accountId: string,
    organization: Organization,
    origin: RequestOrigin,
    via: 'sign-in' | 'password-change',
  ): Promise<FailedEntryOutcome> {
    const { lockoutThreshold } = this.policies.settings(organization.policyOverrides);
    const counted = await this.unitOfWork.run(async () => {
      const account = await this.accounts.lock(accountId);
      if (!account) return null;
      const outcome = account.recordFailedSignIn(lockoutThreshold, { via, origin, now: this.clock.now() });
      await this.accounts.save(account);
      await this.events.publishFrom(account);
      return { account, outcome };
    });
    if (counted?.outcome === 'locked')
      this.deferred.defer('account lock notice', () => this.noticeLock(counted.account, origin, lockoutThreshold));
    return counted?.outcome ?? 'already-locked';
  }

  /** The same statements as `record`, on the identity's own row; an unknown organization has no trail to write to. */
  recordUnknown(
    organizationName: string,
    emailNormalized: string,
    organization: Organization | null,
    origin: RequestOrigin,
  ): Promise<FailedEntryOutcome> {
    const { lockoutThreshold } = this.policies.settings(organization?.policyOverrides ?? {});
    return this.unitOfWork.run(async () => {
      const identity = await this.unknownIdentities.lock(organizationName, emailNormalized);
      const outcome = identity.recordFailedSignIn(lockoutThreshold, this.clock.now());
      await this.unknownIdentities.save(identity);
      if (organization) {
        // Only a well-formed address is kept: anything else in the e-mail field may be a password.
        const typed = isEmailAddress(emailNormalized) ? { email: emailNormalized } : { emailField: 'not-an-email-address' };
        await this.audit.record('sign-in.failed', { organizationId: organization.id }, origin, {
          via: 'sign-in',
          reason: 'unknown-account',
          failedSignIns: identity.failedSignIns,
          ...typed,
        });
      }
      return outcome;
    });
  }

  /** A notice whose sender died before it ran (found by LockNoticeSweeper). Sent once, whoever gets there first. */
  async sendPendingNotice(accountId: string): Promise<void> {
    const account = await this.accounts.findById(accountId);
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!account || !organization) return;
    const { lockoutThreshold } = this.policies.settings(organization.policyOverrides);
    await this.noticeLock(account, INTERNAL_ORIGIN, lockoutThreshold);
  }

  /** Publishes `AccountLocked` in the transaction that takes the pending notice: sent exactly once, and never lost. */
  private noticeLock(account: Account, origin: RequestOrigin, lockoutThreshold: number): Promise<void> {
    return this.unitOfWork.run(async () => {
      if (!(await this.accounts.claimLockNotice(account.id))) return;
      account.announceLock(lockoutThreshold, origin, this.clock.now());
      await this.events.publishFrom(account);
    });
  }
}
