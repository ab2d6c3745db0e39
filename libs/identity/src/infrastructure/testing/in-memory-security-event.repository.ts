import type { SecurityEvent } from '../../domain/security-event.js';
import { type SecurityEventFilter, SecurityEventRepository } from '../../domain/security-event.repository.js';

export class InMemorySecurityEventRepository extends SecurityEventRepository {
  readonly items: SecurityEvent[] = [];

  async add(event: SecurityEvent): Promise<void> {
    this.items.push(event);
  }

  async findById(organizationId: string, id: string): Promise<SecurityEvent | null> {
    return this.items.find((event) => event.id === id && event.organizationId === organizationId) ?? null;
  }

  async list({ organizationId, accountId, type, before, limit }: SecurityEventFilter): Promise<SecurityEvent[]> {
    const older = (e: SecurityEvent): boolean =>
      !before || e.occurredAt < before.occurredAt || (before.id !== null && +e.occurredAt === +before.occurredAt && e.id < before.id);
    return this.items
      .filter(
        (e) =>
          e.organizationId === organizationId &&
          (accountId === undefined || e.accountId === accountId) &&
          (type === undefined || e.type === type) &&
          older(e),
      )
      .sort((a, b) => +b.occurredAt - +a.occurredAt || (a.id < b.id ? 1 : -1))
      .slice(0, limit);
  }
}
