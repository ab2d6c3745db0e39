import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { AccountLocked, AccountResetRequired } from '#libs/identity';
import { OnDomainEvent } from '#libs/platform';
import { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, accountSubject, caepMembers } from './set-events.js';
import { StreamFanOut } from './stream-fan-out.js';

type RequiredEvent = AccountLocked | AccountResetRequired;

/**
 * RISC account-credential-change-required: failed entries locked the account (by policy), or an
 * administrator requires a reset; either way its owner must set a new password before signing in.
 */
@OnDomainEvent(AccountLocked, AccountResetRequired)
@Injectable()
export class CredentialChangeRequiredSubscriber implements DomainEventSubscriber<RequiredEvent> {
  constructor(private readonly fanOut: StreamFanOut) {}

  async handle(event: RequiredEvent): Promise<void> {
    const why =
      event instanceof AccountLocked
        ? caepMembers(event.occurredAt, 'policy', `The account was locked after ${event.failedSignIns} failed sign-ins.`)
        : caepMembers(event.occurredAt, 'admin', 'An administrator requires a password reset.');
    await this.fanOut.append({
      organizationId: event.organizationId,
      accountId: event.accountId,
      eventType: ACCOUNT_CREDENTIAL_CHANGE_REQUIRED,
      occurredAt: event.occurredAt,
      sets: [{ subject: accountSubject(event.accountId, event.organizationId), payload: why }],
    });
  }
}
