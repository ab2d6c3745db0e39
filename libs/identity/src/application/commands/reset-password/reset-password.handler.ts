import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { ResetTokenInvalidError } from '../../../domain/identity.errors.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import { AccountSessions } from '../../ports/account-sessions.port.js';
import { PasswordHasher } from '../../ports/password-hasher.port.js';
import { ResetTokenSecrets } from '../../ports/reset-token-secrets.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { IdentityMail } from '../../services/identity-mail.service.js';
import { PasswordPolicies } from '../../services/password-policies.service.js';
import { ResetPassword } from './reset-password.command.js';

/** docs/guarantees.md#reset-links-are-single-use-and-stay-secret: the token is judged first, then the password, then everything commits at once. */
@CommandHandler(ResetPassword)
export class ResetPasswordHandler implements ICommandHandler<ResetPassword> {
  constructor(
    private readonly tokens: PasswordResetTokenRepository,
    private readonly secrets: ResetTokenSecrets,
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly policies: PasswordPolicies,
    private readonly hasher: PasswordHasher,
    private readonly sessions: AccountSessions,
    private readonly mail: IdentityMail,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ResetPassword): Promise<void> {
    const token = await this.tokens.findByHash(this.secrets.hashOf(command.token));
    const account = token?.isUsable(this.clock.now()) ? await this.accounts.findById(token.accountId) : null;
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!token || !account || !organization) throw new ResetTokenInvalidError();
    const history = await this.accounts.history(account.id);
    await this.policies.assertAcceptable(command.newPassword, account, organization, history);
    const newHash = await this.hasher.hash(command.newPassword);
    const expire = command.expireSessionsAndTokens;
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      // The account first, then its tokens, as a password change takes them (the other order could deadlock
      // with one). A token still usable under the lock proves no change or reset committed since it was issued,
      // so the history read above is still the account's.
      const current = (await this.accounts.lock(account.id)) ?? account;
      if (!(await this.tokens.spendIfUsable(token, now))) throw new ResetTokenInvalidError();
      await this.tokens.spendAllOf(account.id, now);
      const depth = this.policies.settings(organization.policyOverrides).historyDepth;
      await this.accounts.saveHistory(current.id, current.resetPassword(newHash, history, depth, now), now);
      await this.accounts.save(current);
      if (expire) await this.sessions.expireAllCredentials(current.id, 'password-reset');
      else await this.sessions.endAllSessions(current.id, 'password-reset');
      this.mail.queue('password-reset-completed', current, organization, { occurredAt: now.toISOString(), sessionsExpired: expire });
      await this.audit.record('password-reset.completed', { organizationId: organization.id, accountId: current.id }, command.origin, { sessionsExpired: expire, via: token.purpose });
      if (expire) await this.audit.record('credentials.expired', { organizationId: organization.id, accountId: current.id }, command.origin, { by: 'owner', via: 'password-reset' });
    });
  }
}
