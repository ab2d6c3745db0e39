import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { RequireAccountReset } from './require-account-reset.command.js';

/** Sign-in answers 423 from now on and the owner gets a reset link; existing sessions are left alone (expire-sessions does that). */
@CommandHandler(RequireAccountReset)
export class RequireAccountResetHandler implements ICommandHandler<RequireAccountReset> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, accountId, origin }: RequireAccountReset): Promise<void> {
    await this.lookup.account(name, accountId);
    await this.unitOfWork.run(async () => {
      const account = await this.lookup.accounts.lock(accountId);
      if (!account) return;
      account.requireReset(origin, this.clock.now());
      await this.lookup.accounts.save(account);
      await this.events.publishFrom(account);
    });
  }
}
