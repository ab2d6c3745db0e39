import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { CredentialsExpired, PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { AccountSessions } from '../ports/account-sessions.port.js';

type SessionEvent = PasswordChanged | PasswordReset | CredentialsExpired;

const EXPIRY_REASON = { 'password-change': 'password-changed', 'password-reset': 'password-reset' } as const;

/**
 * Ends sessions, or expires every credential, through the sessions module (docs/architecture.md,
 * "Contract: identity → sessions"). Called inside the change's transaction, before it commits: an
 * expiry that cannot be promised on every instance fails the change (503) and nothing commits.
 * Its class name sorts it after identity's audit, mail and reset-link subscribers, and a change records
 * its CredentialsExpired last, so the expiry is the last of identity's writes in the transaction.
 */
@OnDomainEvent(PasswordChanged, PasswordReset, CredentialsExpired)
@Injectable()
export class SessionEndingSubscriber implements DomainEventSubscriber<SessionEvent> {
  constructor(private readonly sessions: AccountSessions) {}

  async handle(event: SessionEvent): Promise<void> {
    if (event instanceof CredentialsExpired) {
      const { expiry } = event;
      await this.sessions.expireAllCredentials(event.accountId, expiry.by === 'owner' ? EXPIRY_REASON[expiry.via] : 'admin-expired');
    } else if (!event.sessionsExpired) {
      // With the option a CredentialsExpired follows and ends everything.
      if (event instanceof PasswordChanged) await this.sessions.endSession(event.sessionId, 'password-changed');
      else await this.sessions.endAllSessions(event.accountId, 'password-reset');
    }
  }
}
