import type { SecurityEvent, SecurityEventType } from './security-event.js';

export interface SecurityEventFilter {
  organizationId: string;
  accountId?: string;
  type?: SecurityEventType;
  /** Only events strictly older than this position (newest first paging). */
  before?: { occurredAt: Date; id: string | null };
  limit: number;
}

/** The reads may lag behind `add` (they may be served by a read replica): they show the trail, nothing decides on them. */
export abstract class SecurityEventRepository {
  /** Written with the change it records, in the same transaction. */
  abstract add(event: SecurityEvent): Promise<void>;
  abstract findById(organizationId: string, id: string): Promise<SecurityEvent | null>;
  /** Newest first, ties broken by id so paging never skips nor repeats an event. */
  abstract list(filter: SecurityEventFilter): Promise<SecurityEvent[]>;
}
