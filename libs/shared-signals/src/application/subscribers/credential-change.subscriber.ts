import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { PasswordChanged, PasswordReset } from '#libs/identity';
import { OnDomainEvent } from '#libs/platform';
import { ApiTokenCreated, ApiTokenRevoked } from '#libs/sessions';
import { accountSubject, caepMembers, CREDENTIAL_CHANGE } from './set-events.js';
import { StreamFanOut } from './stream-fan-out.js';

type CredentialEvent = PasswordChanged | PasswordReset | ApiTokenCreated | ApiTokenRevoked;

/**
 * CAEP credential-change: `password`/`update` for a change or a reset; for an API token, the
 * credential type `api-key` (not among CAEP's listed values, which the specification allows as
 * agreed between the parties) with `create` or `revoke`, and the token's id and name — never its secret.
 */
function members(event: CredentialEvent): Record<string, unknown> {
  if (event instanceof PasswordChanged) {
    return {
      credential_type: 'password',
      change_type: 'update',
      ...caepMembers(event.occurredAt, 'user', 'The user changed the password.'),
    };
  }
  if (event instanceof PasswordReset) {
    const admin = event.via === 'invitation' ? 'The user set a password through an invitation.' : 'The user reset the password.';
    return { credential_type: 'password', change_type: 'update', ...caepMembers(event.occurredAt, 'user', admin) };
  }
  if (event instanceof ApiTokenCreated) {
    const common = caepMembers(event.occurredAt, 'user', 'The user created an API token.');
    return { credential_type: 'api-key', change_type: 'create', friendly_name: event.name, api_token_id: event.apiTokenId, ...common };
  }
  const common = caepMembers(event.occurredAt, 'user', 'The user revoked an API token.');
  return { credential_type: 'api-key', change_type: 'revoke', api_token_id: event.apiTokenId, ...common };
}

@OnDomainEvent(PasswordChanged, PasswordReset, ApiTokenCreated, ApiTokenRevoked)
@Injectable()
export class CredentialChangeSubscriber implements DomainEventSubscriber<CredentialEvent> {
  constructor(private readonly fanOut: StreamFanOut) {}

  async handle(event: CredentialEvent): Promise<void> {
    await this.fanOut.append({
      organizationId: event.organizationId,
      accountId: event.accountId,
      eventType: CREDENTIAL_CHANGE,
      occurredAt: event.occurredAt,
      sets: [{ subject: accountSubject(event.accountId, event.organizationId), payload: members(event) }],
    });
  }
}
