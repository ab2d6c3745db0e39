import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/building-blocks';
import type { Account, FailedEntryOutcome } from '../../domain/account.aggregate.js';
import { AccountRepository } from '../../domain/account.repository.js';
import { isEmailAddress } from '../../domain/email-address.vo.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../domain/organization.repository.js';
import { INTERNAL_ORIGIN, type RequestOrigin } from '#libs/building-blocks';
import { UnknownIdentityRepository } from '../../domain/unknown-identity.repository.js';
import { DeferredWork } from '../ports/deferred-work.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from './audit-trail.service.js';
import { PasswordPolicies } from './password-policies.service.js';
import { ResetLinks } from './reset-links.service.js';

/**
 * A wrong password (docs/guarantees.md#lockout), for an account or for an identity that does not exist. Both are
 * counted the same way before the answer — one transaction: lock the row, count, save, audit —
 * so the two cost alike; what a lock sets off for a real owner (reset link, mail, `account.locked`)
 * is deferred until the answer is on its way. docs/security.md says what still differs.
 */
@Injectable()
export class FailedEntries {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organizations: OrganizationRepository,
    private readonly unknownIdentities: UnknownIdentityRepository,
    private readonly policies: PasswordPolicies,
    private readonly resetLinks: ResetLinks,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly deferred: DeferredWork,
    private readonly clock: Clock,
  ) {}

  async record(accountId: string, organization: Organization, origin: RequestOrigin, via: 'sign-in' | 'password-change'): Promise<FailedEntryOutcome> {
    const { lockoutThreshold } = this.policies.settings(organization.policyOverrides);
    const counted = await this.unitOfWork.run(async () => {
      const account = await this.accounts.lock(accountId);
      if (!account) return null;
      const outcome = account.recordFailedSignIn(lockoutThreshold);
      await this.accounts.save(account);
      const reason = outcome === 'already-locked' ? 'password-reset-required' : 'wrong-password';
      await this.audit.record('sign-in.failed', { organizationId: organization.id, accountId }, origin, { via, reason, failedSignIns: account.failedSignIns });
      return { account, outcome };
    });
    if (counted?.outcome === 'locked') this.deferred.defer('account lock notice', () => this.noticeLock(counted.account, organization, origin, lockoutThreshold));
    return counted?.outcome ?? 'already-locked';
  }

  /** The same statements as `record`, on the identity's own row; an unknown organization has no trail to write to. */
  recordUnknown(organizationName: string, emailNormalized: string, organization: Organization | null, origin: RequestOrigin): Promise<FailedEntryOutcome> {
    const { lockoutThreshold } = this.policies.settings(organization?.policyOverrides ?? {});
    return this.unitOfWork.run(async () => {
      const identity = await this.unknownIdentities.lock(organizationName, emailNormalized);
      const outcome = identity.recordFailedSignIn(lockoutThreshold, this.clock.now());
      await this.unknownIdentities.save(identity);
      if (organization) {
        // Only a well-formed address is kept: anything else in the e-mail field may be a password.
        const typed = isEmailAddress(emailNormalized) ? { email: emailNormalized } : { emailField: 'not-an-email-address' };
        await this.audit.record('sign-in.failed', { organizationId: organization.id }, origin, { via: 'sign-in', reason: 'unknown-account', failedSignIns: identity.failedSignIns, ...typed });
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
    await this.noticeLock(account, organization, INTERNAL_ORIGIN, lockoutThreshold);
  }

  /** Takes the pending notice in the transaction that queues it: sent exactly once, and never lost. */
  private noticeLock(account: Account, organization: Organization, origin: RequestOrigin, lockoutThreshold: number): Promise<void> {
    return this.unitOfWork.run(async () => {
      if (!(await this.accounts.claimLockNotice(account.id))) return;
      await this.resetLinks.send(account, organization, 'account-locked', this.clock.now());
      await this.audit.record('account.locked', { organizationId: organization.id, accountId: account.id }, origin, { failedSignIns: account.failedSignIns, lockoutThreshold });
    });
  }
}
