import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/shared-kernel';
import { type RequestOrigin, SecurityEvent, type SecurityEventType } from '../../domain/security-event.js';
import { SecurityEventRepository } from '../../domain/security-event.repository.js';

/** Records security events (SPEC §9) in the caller's transaction; `details` must hold no secret. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly events: SecurityEventRepository,
    private readonly clock: Clock,
  ) {}

  async record(type: SecurityEventType, subject: { organizationId: string; accountId?: string | null }, origin: RequestOrigin, details: Record<string, unknown> = {}): Promise<void> {
    const { clientIp, userAgent } = origin;
    await this.events.add(new SecurityEvent(randomUUID(), type, subject.organizationId, subject.accountId ?? null, this.clock.now(), clientIp, userAgent?.slice(0, 512) ?? null, details));
  }
}
