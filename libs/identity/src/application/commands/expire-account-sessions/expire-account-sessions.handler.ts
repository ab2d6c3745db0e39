import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountSessions } from '../../ports/account-sessions.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { ExpireAccountSessions } from './expire-account-sessions.command.js';

@CommandHandler(ExpireAccountSessions)
export class ExpireAccountSessionsHandler implements ICommandHandler<ExpireAccountSessions> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly sessions: AccountSessions,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ organization: name, accountId, origin }: ExpireAccountSessions): Promise<void> {
    const { organization, account } = await this.lookup.account(name, accountId);
    await this.unitOfWork.run(async () => {
      await this.sessions.expireAllCredentials(account.id, 'admin-expired');
      await this.audit.record('credentials.expired', { organizationId: organization.id, accountId: account.id }, origin, { by: 'administrator' });
    });
  }
}
