import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { ApiTokenCreated, ApiTokenRevoked } from '#libs/sessions';
import { AuditTrail } from '../services/audit-trail.service.js';

/** API tokens live in sessions; their creation and revocation join identity's audit trail, in the transaction that made them. */
@OnDomainEvent(ApiTokenCreated, ApiTokenRevoked)
@Injectable()
export class ApiTokenAuditSubscriber implements DomainEventSubscriber<ApiTokenCreated | ApiTokenRevoked> {
  constructor(private readonly audit: AuditTrail) {}

  async handle(event: ApiTokenCreated | ApiTokenRevoked): Promise<void> {
    const subject = { organizationId: event.organizationId, accountId: event.accountId };
    if (event instanceof ApiTokenCreated)
      await this.audit.record('api-token.created', subject, event.origin, { apiTokenId: event.apiTokenId, name: event.name });
    else await this.audit.record('api-token.revoked', subject, event.origin, { apiTokenId: event.apiTokenId });
  }
}
