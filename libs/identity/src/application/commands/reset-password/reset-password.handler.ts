import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { ResetTokenInvalidError } from '../../../domain/identity.errors.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import { ResetTokenSecrets } from '../../ports/reset-token-secrets.port.js';
import { NewPasswords } from '../../services/new-passwords.service.js';
import { ResetPassword } from './reset-password.command.js';

/** docs/guarantees.md#reset-links-are-single-use-and-stay-secret: the token is judged, then the password; all commits at once. */
@CommandHandler(ResetPassword)
export class ResetPasswordHandler implements ICommandHandler<ResetPassword> {
  constructor(
    private readonly tokens: PasswordResetTokenRepository,
    private readonly secrets: ResetTokenSecrets,
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly passwords: NewPasswords,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ token: secret, newPassword, expireSessionsAndTokens, origin }: ResetPassword): Promise<void> {
    const token = await this.tokens.findByHash(this.secrets.hashOf(secret));
    const account = token?.isUsable(this.clock.now()) ? await this.accounts.findById(token.accountId) : null;
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!token || !account || !organization) throw new ResetTokenInvalidError();
    const password = await this.passwords.prepare(newPassword, account, organization);
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const current = (await this.accounts.lock(account.id)) ?? account; // then the token: a token usable under the lock proves the history current
      if (!(await this.tokens.spendIfUsable(token, now))) throw new ResetTokenInvalidError();
      const history = current.resetPassword(password, { via: token.purpose, expireSessionsAndTokens, origin, now });
      await this.passwords.store(current, history, now);
      await this.events.publishFrom(current);
    });
  }
}
