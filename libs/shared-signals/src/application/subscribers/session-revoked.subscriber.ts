import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import { SessionsEnded } from '#libs/sessions';
import { accountSubject, caepMembers, SESSION_END_REASONS, SESSION_REVOKED } from './set-events.js';
import { StreamFanOut } from './stream-fan-out.js';

/** CAEP session-revoked, one SET per ended session (an expiry that ends five sessions sends five), in the ending's transaction. */
@OnDomainEvent(SessionsEnded)
@Injectable()
export class SessionRevokedSubscriber implements DomainEventSubscriber<SessionsEnded> {
  constructor(private readonly fanOut: StreamFanOut) {}

  async handle(event: SessionsEnded): Promise<void> {
    const why = SESSION_END_REASONS[event.reason] ?? { entity: 'system', admin: `The session ended (${event.reason}).` };
    await this.fanOut.append({
      organizationId: event.organizationId,
      accountId: event.accountId,
      eventType: SESSION_REVOKED,
      occurredAt: event.occurredAt,
      sets: event.sessionIds.map((sessionId) => ({
        subject: accountSubject(event.accountId, event.organizationId, sessionId),
        payload: caepMembers(event.occurredAt, why.entity, why.admin),
      })),
    });
  }
}
