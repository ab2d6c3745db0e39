import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { AccountRepository } from '../../../domain/account.repository.js';
import { normalizeEmail } from '../../../domain/email-address.vo.js';
import { OrganizationRepository } from '../../../domain/organization.repository.js';
import { PasswordResetTokenRepository } from '../../../domain/password-reset-token.repository.js';
import { UnitOfWork } from '#libs/building-blocks';
import { AuditTrail } from '../../services/audit-trail.service.js';
import { ResetLinks } from '../../services/reset-links.service.js';
import { RequestReset } from './request-reset.command.js';

/** docs/api.md#password-reset-by-e-mail: per account, one e-mail a minute and five an hour. */
export const RESET_THROTTLE = [
  { windowMs: 60_000, max: 1 },
  { windowMs: 3_600_000, max: 5 },
] as const;

/**
 * Runs after the 202 has been sent (see the controller), so an unknown account, which
 * does nothing here, cannot be told apart by timing.
 */
@CommandHandler(RequestReset)
export class RequestResetHandler implements ICommandHandler<RequestReset> {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly accounts: AccountRepository,
    private readonly tokens: PasswordResetTokenRepository,
    private readonly resetLinks: ResetLinks,
    private readonly audit: AuditTrail,
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
      const throttled = await this.isThrottled(account.id, now);
      if (!throttled) await this.resetLinks.send(account, organization, 'reset', now);
      await this.audit.record('password-reset.requested', { organizationId: organization.id, accountId: account.id }, origin, { sent: !throttled });
    });
  }

  private async isThrottled(accountId: string, now: Date): Promise<boolean> {
    for (const { windowMs, max } of RESET_THROTTLE) {
      if ((await this.tokens.countRequestedSince(accountId, new Date(now.getTime() - windowMs))) >= max) return true;
    }
    return false;
  }
}
