import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationFailedError } from '#libs/building-blocks';
import { type SecurityEventFilter, SecurityEventRepository } from '../../../domain/security-event.repository.js';
import { OrganizationLookup } from '../../services/organization-lookup.service.js';
import { ListSecurityEvents, type SecurityEventPage, toSecurityEventView } from './list-security-events.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Newest first. `before` is the id of the last event of the previous page (exact, even when
 * events share a timestamp) or an ISO timestamp (everything strictly older).
 */
@QueryHandler(ListSecurityEvents)
export class ListSecurityEventsHandler implements IQueryHandler<ListSecurityEvents> {
  constructor(
    private readonly lookup: OrganizationLookup,
    private readonly events: SecurityEventRepository,
  ) {}

  async execute({ organization: name, filter }: ListSecurityEvents): Promise<SecurityEventPage> {
    const organization = await this.lookup.organization(name);
    const before = await this.cursor(organization.id, filter.before);
    const { accountId, type, limit } = filter;
    const events = await this.events.list({ organizationId: organization.id, accountId, type, before, limit });
    return { events: events.map(toSecurityEventView), nextBefore: events.length === filter.limit ? events[events.length - 1].id : null };
  }

  private async cursor(organizationId: string, before: string | undefined): Promise<SecurityEventFilter['before']> {
    if (before === undefined) return undefined;
    if (UUID.test(before)) {
      const event = await this.events.findById(organizationId, before);
      if (event) return { occurredAt: event.occurredAt, id: event.id };
    } else if (!Number.isNaN(Date.parse(before))) {
      return { occurredAt: new Date(before), id: null };
    }
    const message = 'before must be an event id of this organization or an ISO timestamp';
    throw new ValidationFailedError('The paging cursor is not valid.', [{ field: 'before', message }]);
  }
}
