import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { ExpireAccountSessions } from './expire-account-sessions.command.js';

/** CredentialsExpired's subscribers expire every credential of the account inside this transaction, and audit it. */
@CommandHandler(ExpireAccountSessions)
export class ExpireAccountSessionsHandler implements ICommandHandler<ExpireAccountSessions> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, accountId, origin }: ExpireAccountSessions): Promise<void> {
    const { account } = await this.lookup.account(name, accountId);
    await this.unitOfWork.run(async () => {
      account.expireCredentials(origin, this.clock.now());
      await this.events.publishFrom(account);
    });
  }
}
