import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { normalizeEmail } from '../../../domain/email-address.vo.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { ResetThrottle } from '../../services/reset-throttle.service.js';
import { RequestReset } from './request-reset.command.js';

/**
 * Runs after the 202 has been sent (see the controller), so an unknown account, which
 * does nothing here, cannot be told apart by timing.
 */
@CommandHandler(RequestReset)
export class RequestResetHandler implements ICommandHandler<RequestReset> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly throttle: ResetThrottle,
    private readonly events: DomainEvents,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, email, origin }: RequestReset): Promise<void> {
    const organization = await this.organizations.findByNameForReading(name.toLowerCase());
    const found = organization && (await this.accounts.findByEmail(organization.id, normalizeEmail(email)));
    if (!organization || !found) return;
    await this.unitOfWork.run(async () => {
      // The row lock serializes concurrent requests of one account, so the throttle counts exactly.
      const account = await this.accounts.lock(found.id);
      if (!account) return;
      const now = this.clock.now();
      account.requestReset(!(await this.throttle.holdsBack(account.id, now)), origin, now);
      await this.events.publishFrom(account);
    });
  }
}
