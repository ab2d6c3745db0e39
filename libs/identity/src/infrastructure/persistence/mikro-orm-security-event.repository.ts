import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedStatement } from '#libs/platform';
import { SecurityEvent } from '../../domain/security-event.js';
import { type SecurityEventFilter, SecurityEventRepository } from '../../domain/security-event.repository.js';
import { isUuid } from './uuid.js';

const INSERT = new PreparedStatement(
  `insert into security_events (id, type, organization_id, account_id, occurred_at, client_ip, user_agent, details)
   values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
);

@Injectable()
export class MikroOrmSecurityEventRepository extends SecurityEventRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /**
   * A prepared insert in the caller's transaction: the trail is append-only, so nothing is gained by
   * tracking the row in the identity map, and a flush's change-set work on every sign-in is not free.
   */
  async add(event: SecurityEvent): Promise<void> {
    await INSERT.run(this.em, [
      event.id,
      event.type,
      event.organizationId,
      event.accountId,
      event.occurredAt,
      event.clientIp,
      event.userAgent,
      JSON.stringify(event.details),
    ]);
  }

  /** The audit trail is the one read that may lag (docs/architecture.md#read-replica): the replica, when there is one. Nothing decides on it. */
  async findById(organizationId: string, id: string): Promise<SecurityEvent | null> {
    return isUuid(id) ? this.em.findOne(SecurityEvent, { id, organizationId }, { connectionType: 'read' }) : null;
  }

  async list({ organizationId, accountId, type, before, limit }: SecurityEventFilter): Promise<SecurityEvent[]> {
    if (accountId !== undefined && !isUuid(accountId)) return [];
    const where: FilterQuery<SecurityEvent> = { organizationId };
    if (accountId !== undefined) where.accountId = accountId;
    if (type !== undefined) where.type = type;
    if (before) {
      where.$or = before.id
        ? [{ occurredAt: { $lt: before.occurredAt } }, { occurredAt: before.occurredAt, id: { $lt: before.id } }]
        : [{ occurredAt: { $lt: before.occurredAt } }];
    }
    return this.em.find(SecurityEvent, where, { orderBy: { occurredAt: 'desc', id: 'desc' }, limit, connectionType: 'read' });
  }
}
