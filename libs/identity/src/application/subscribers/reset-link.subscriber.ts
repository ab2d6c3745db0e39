import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { AccountCreated, AccountLocked, AccountResetRequired, ResetRequested } from '../../domain/identity.events.js';
import type { ResetTokenPurpose } from '../../domain/password-reset-token.aggregate.js';
import { AccountOwners } from '../services/account-owners.service.js';
import { ResetLinks } from '../services/reset-links.service.js';

type LinkEvent = AccountCreated | ResetRequested | AccountResetRequired | AccountLocked;

/** Issues a reset link and queues its mail: an invitation, a requested reset (unless throttled), an administrator's or a lock's. */
@OnDomainEvent(AccountCreated, ResetRequested, AccountResetRequired, AccountLocked)
@Injectable()
export class ResetLinkSubscriber implements DomainEventSubscriber<LinkEvent> {
  constructor(
    private readonly owners: AccountOwners,
    private readonly resetLinks: ResetLinks,
  ) {}

  async handle(event: LinkEvent): Promise<void> {
    const purpose = purposeOf(event);
    if (purpose === null) return;
    const { account, organization } = await this.owners.of(event);
    await this.resetLinks.send(account, organization, purpose, event.occurredAt);
  }
}

function purposeOf(event: LinkEvent): ResetTokenPurpose | null {
  if (event instanceof AccountCreated) return event.invited ? 'invitation' : null;
  if (event instanceof ResetRequested) return event.sent ? 'reset' : null;
  return event instanceof AccountResetRequired ? 'admin-required' : 'account-locked';
}
