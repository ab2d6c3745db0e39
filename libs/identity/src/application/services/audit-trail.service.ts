import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Clock } from '#libs/building-blocks';
import type { RequestOrigin } from '#libs/building-blocks';
import { SecurityEvent, type SecurityEventType } from '../../domain/security-event.js';
import { SecurityEventRepository } from '../../domain/security-event.repository.js';

/**
 * Records security events (docs/api.md#audit-trail) in the caller's transaction; `details` must hold no secret.
 * Ids are UUIDv7, increasing within a process even inside one millisecond, so the trail's order
 * (newest first: time, then id) keeps events of one change in the order they happened — a failed
 * sign-in before the lock it caused.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly events: SecurityEventRepository,
    private readonly clock: Clock,
  ) {}

  async record(
    type: SecurityEventType,
    subject: { organizationId: string; accountId?: string | null },
    origin: RequestOrigin,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const { clientIp, userAgent } = origin;
    await this.events.add(
      new SecurityEvent(
        uuidv7(),
        type,
        subject.organizationId,
        subject.accountId ?? null,
        this.clock.now(),
        clientIp,
        userAgent?.slice(0, 512) ?? null,
        details,
      ),
    );
  }
}
