import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { ResetLinks } from '../../services/reset-links.service.js';
import { RequireAccountReset } from './require-account-reset.command.js';

/** Sign-in answers 423 from now on and the owner gets a reset link; existing sessions are left alone (expire-sessions does that). */
@CommandHandler(RequireAccountReset)
export class RequireAccountResetHandler implements ICommandHandler<RequireAccountReset> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly resetLinks: ResetLinks,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ organization: name, accountId, origin }: RequireAccountReset): Promise<void> {
    const { organization } = await this.lookup.account(name, accountId);
    await this.unitOfWork.run(async () => {
      const account = await this.lookup.accounts.lock(accountId);
      if (!account) return;
      account.requireReset();
      await this.lookup.accounts.save(account);
      await this.resetLinks.send(account, organization, 'admin-required', this.clock.now());
      await this.audit.record('password-reset.required', { organizationId: organization.id, accountId }, origin, { by: 'administrator' });
    });
  }
}
