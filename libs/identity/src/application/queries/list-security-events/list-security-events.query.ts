import { Query } from '@nestjs/cqrs';
import type { SecurityEvent, SecurityEventType } from '../../../domain/security-event.js';

export interface SecurityEventView {
  id: string;
  type: SecurityEventType;
  organizationId: string;
  accountId: string | null;
  occurredAt: string;
  clientIp: string;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** An audit record as the API answers it. */
export function toSecurityEventView({
  id,
  type,
  organizationId,
  accountId,
  occurredAt,
  clientIp,
  userAgent,
  details,
}: SecurityEvent): SecurityEventView {
  return { id, type, organizationId, accountId, occurredAt: occurredAt.toISOString(), clientIp, userAgent, details };
}

export interface SecurityEventPage {
  events: SecurityEventView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export class ListSecurityEvents extends Query<SecurityEventPage> {
  constructor(
    readonly organization: string,
    readonly filter: { accountId?: string; type?: SecurityEventType; before?: string; limit: number },
  ) {
    super();
  }
}
