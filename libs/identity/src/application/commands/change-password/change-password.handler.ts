import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import type { Account } from '../../../domain/account.aggregate.js';
import { AccountRepository } from '../../../domain/account.repository.js';
import { ForbiddenError } from '#libs/building-blocks';
import { InvalidCredentialsError, PasswordResetRequiredError } from '../../../domain/identity.errors.js';
import type { Organization } from '../../../domain/organization.aggregate.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import type { RequestOrigin } from '#libs/building-blocks';
import { AccountSessions } from '../../ports/account-sessions.port.js';
import { PasswordHasher } from '../../ports/password-hasher.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { FailedEntries } from '../../services/failed-entries.service.js';
import { IdentityMail } from '../../services/identity-mail.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { ChangePassword } from './change-password.command.js';

/** docs/guarantees.md#expire-sign-in-sessions-and-tokens: everything, including the revocations, commits and is published before the 204. */
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
    const verifiedHash = await this.verifyCurrent(account, organization, currentPassword, origin);
    // Read with the hash: it stays valid as long as the hash does, which the lock below re-checks.
    const history = await this.accounts.history(account.id);
    await this.policies.assertAcceptable(newPassword, account, organization, history);
    const newHash = await this.hasher.hash(newPassword);
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const current = await this.accounts.lock(account.id);
      if (!current) throw new InvalidCredentialsError();
      // Not counted as a failed entry: the password was right when judged (a double submit, or a reset that
      // landed meanwhile), so counting it would bring the owner nearer a lockout and stop no one guessing.
      current.assertStillHasHash(verifiedHash);
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

  /**
   * The hash the current password matched, read without a lock (a verify is too slow to hold one):
   * the change goes ahead only if the locked row still has it. A wrong password counts as a failed entry.
   */
  private async verifyCurrent(account: Account, organization: Organization, currentPassword: string, origin: RequestOrigin): Promise<string> {
    const hash = account.passwordHash;
    if (account.requiresReset() || hash === null) throw new PasswordResetRequiredError();
    if (await this.hasher.verify(hash, currentPassword)) return hash;
    const outcome = await this.failedEntries.record(account.id, organization, origin, 'password-change');
    throw outcome === 'counted' ? new InvalidCredentialsError() : new PasswordResetRequiredError();
  }
}
