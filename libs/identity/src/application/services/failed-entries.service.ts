import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/shared-kernel';
import { AccountRepository } from '../../domain/account.repository.js';
import type { FailedEntryOutcome } from '../../domain/account.aggregate.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import type { RequestOrigin } from '../../domain/security-event.js';
import { UnitOfWork } from '../ports/unit-of-work.port.js';
import { AuditTrail } from './audit-trail.service.js';
import { PasswordPolicies } from './password-policies.service.js';
import { ResetLinks } from './reset-links.service.js';

/**
 * A wrong password, at sign-in or at a password change (SPEC §2): counted on the locked
 * account row, and the failure that reaches the threshold locks the account and mails a link.
 */
@Injectable()
export class FailedEntries {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly policies: PasswordPolicies,
    private readonly resetLinks: ResetLinks,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  record(accountId: string, organization: Organization, origin: RequestOrigin, via: 'sign-in' | 'password-change'): Promise<FailedEntryOutcome> {
    return this.unitOfWork.run(async () => {
      const account = await this.accounts.lock(accountId);
      if (!account) return 'already-locked';
      const { lockoutThreshold } = this.policies.settings(organization.policyOverrides);
      const outcome = account.recordFailedSignIn(lockoutThreshold);
      await this.accounts.save(account);
      const subject = { organizationId: organization.id, accountId };
      await this.audit.record('sign-in.failed', subject, origin, { via, reason: outcome === 'already-locked' ? 'password-reset-required' : 'wrong-password', failedSignIns: account.failedSignIns });
      if (outcome === 'locked') {
        await this.resetLinks.send(account, organization, 'account-locked', this.clock.now());
        await this.audit.record('account.locked', subject, origin, { failedSignIns: account.failedSignIns, lockoutThreshold });
      }
      return outcome;
    });
  }
}
