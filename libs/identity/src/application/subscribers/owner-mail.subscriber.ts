import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { AccountOwners } from '../services/account-owners.service.js';
import { IdentityMail } from '../services/identity-mail.service.js';

/** Tells the owner their password was changed or reset, through the outbox: mailed if and only if the change commits. */
@OnDomainEvent(PasswordChanged, PasswordReset)
@Injectable()
export class OwnerMailSubscriber implements DomainEventSubscriber<PasswordChanged | PasswordReset> {
  constructor(
    private readonly owners: AccountOwners,
    private readonly mail: IdentityMail,
  ) {}

  async handle(event: PasswordChanged | PasswordReset): Promise<void> {
    const { account, organization } = await this.owners.of(event);
    const name = event instanceof PasswordChanged ? 'password-changed' : 'password-reset-completed';
    this.mail.queue(name, account, organization, { occurredAt: event.occurredAt.toISOString(), sessionsExpired: event.sessionsExpired });
  }
}
