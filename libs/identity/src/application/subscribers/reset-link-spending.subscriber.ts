import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { PasswordResetTokenRepository } from '../../domain/password-reset-token.repository.js';

/**
 * A new password makes every outstanding reset link useless. Runs on the account's locked row
 * (the account first, then its tokens, in every change), so it cannot deadlock with another change.
 */
@OnDomainEvent(PasswordChanged, PasswordReset)
@Injectable()
export class ResetLinkSpendingSubscriber implements DomainEventSubscriber<PasswordChanged | PasswordReset> {
  constructor(private readonly tokens: PasswordResetTokenRepository) {}

  async handle(event: PasswordChanged | PasswordReset): Promise<void> {
    await this.tokens.spendAllOf(event.accountId, event.occurredAt);
  }
}
