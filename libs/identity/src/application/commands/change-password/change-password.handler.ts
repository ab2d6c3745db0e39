import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/shared-kernel';
import { AccountRepository } from '../../../domain/account.repository.js';
import { ForbiddenError, InvalidCredentialsError, PasswordResetRequiredError } from '../../../domain/identity.errors.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import { AccountSessions } from '../../ports/account-sessions.port.js';
import { PasswordHasher } from '../../ports/password-hasher.port.js';
import { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { FailedEntries } from '../../services/failed-entries.service.js';
import { IdentityMail } from '../../services/identity-mail.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { ChangePassword } from './change-password.command.js';

/** SPEC §4: everything, including the revocations, commits and is published before the 204. */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly tokens: PasswordResetTokenRepository,
    private readonly policies: PasswordPolicies,
    private readonly hasher: PasswordHasher,
    private readonly failedEntries: FailedEntries,
    private readonly sessions: AccountSessions,
    private readonly mail: IdentityMail,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, currentPassword, newPassword, expireSessionsAndTokens: expire, origin }: ChangePassword): Promise<void> {
    // An API token is a delegated credential: whoever holds one must not take over the account.
    if (caller.apiTokenId !== null || caller.sessionId === null) throw new ForbiddenError('The password can only be changed when signed in with a password.');
    const account = await this.accounts.findById(caller.accountId);
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!account || !organization) throw new InvalidCredentialsError();
    if (account.requiresReset() || account.passwordHash === null) throw new PasswordResetRequiredError();
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      const outcome = await this.failedEntries.record(account.id, organization, origin, 'password-change');
      throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
    }
    const history = await this.accounts.history(account.id);
    await this.policies.assertAcceptable(newPassword, account, organization, history);
    const newHash = await this.hasher.hash(newPassword);
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const current = (await this.accounts.lock(account.id)) ?? account;
      const depth = this.policies.settings(organization.policyOverrides).historyDepth;
      await this.accounts.saveHistory(current.id, current.changePassword(newHash, history, depth, now), now);
      await this.accounts.save(current);
      await this.tokens.spendAllOf(current.id, now);
      if (expire) await this.sessions.expireAllCredentials(current.id, 'password-changed');
      else await this.sessions.endSession(caller.sessionId as string, 'password-changed');
      this.mail.queue('password-changed', current, organization, { occurredAt: now.toISOString(), sessionsExpired: expire });
      await this.audit.record('password.changed', { organizationId: organization.id, accountId: current.id }, origin, { sessionsExpired: expire });
      if (expire) await this.audit.record('credentials.expired', { organizationId: organization.id, accountId: current.id }, origin, { by: 'owner', via: 'password-change' });
    });
  }
}
