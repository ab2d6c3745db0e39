import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { PasswordResetRequiredError } from '../../../domain/identity.errors.js';
import { AccountSessions, type IssuedTokens } from '../../ports/account-sessions.port.js';
import { PasswordChecks } from '../../services/password-checks.service.js';
import { SignIn } from './sign-in.command.js';

/** docs/guarantees.md#failures-that-answer-alike: the password is checked (and a failure counted) alike for every identity by PasswordChecks. */
@CommandHandler(SignIn)
export class SignInHandler implements ICommandHandler<SignIn> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly checks: PasswordChecks,
    private readonly sessions: AccountSessions,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: SignIn): Promise<IssuedTokens> {
    const { accountId, organization, verifiedHash, rehashed } = await this.checks.verifySignIn(command);
    const tokens = await this.unitOfWork.run(async () => {
      // The row lock orders this after any failure counted meanwhile: a lock that landed first wins.
      const now = this.clock.now();
      const account = await this.accounts.lock(accountId);
      if (!account?.admitSignIn(verifiedHash, rehashed, command.origin, now)) {
        if (account) await this.events.publishFrom(account);
        return null;
      }
      await this.accounts.save(account);
      const issued = await this.sessions.openSession({ organizationId: organization.id, accountId, ...command.origin });
      account.signedIn(issued.sessionId, rehashed !== null, command.origin, now);
      await this.events.publishFrom(account);
      return issued;
    });
    if (!tokens) throw new PasswordResetRequiredError();
    return tokens;
  }
}
