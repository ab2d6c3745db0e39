import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, ForbiddenError, UnitOfWork } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { InvalidCredentialsError } from '../../../domain/identity.errors.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { NewPasswords } from '../../services/new-passwords.service.js';
import { PasswordChecks } from '../../services/password-checks.service.js';
import { ChangePassword } from './change-password.command.js';

/** docs/guarantees.md#expire-sign-in-sessions-and-tokens. An API token (a delegated credential) may not change the password. */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly checks: PasswordChecks,
    private readonly passwords: NewPasswords,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, currentPassword, newPassword, expireSessionsAndTokens, origin }: ChangePassword): Promise<void> {
    const sessionId = caller.apiTokenId === null ? caller.sessionId : null;
    if (sessionId === null) throw new ForbiddenError('The password can only be changed when signed in with a password.');
    const account = await this.accounts.findById(caller.accountId);
    const organization = account && (await this.organizations.findById(account.organizationId));
    if (!account || !organization) throw new InvalidCredentialsError();
    const verifiedHash = await this.checks.verifyCurrentPassword(account, organization, currentPassword, origin);
    const password = await this.passwords.prepare(newPassword, account, organization);
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const current = await this.accounts.lock(account.id);
      if (!current) throw new InvalidCredentialsError();
      const history = current.changePassword(verifiedHash, password, { sessionId, expireSessionsAndTokens, origin, now });
      await this.passwords.store(current, history, now);
      await this.events.publishFrom(current);
    });
  }
}
