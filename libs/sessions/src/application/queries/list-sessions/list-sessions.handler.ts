import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { SessionRepository } from '../../../domain/session.repository.js';
import { ListSessionsQuery, type SessionView } from './list-sessions.query.js';

@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
  ) {}

  async execute({ accountId, currentSessionId }: ListSessionsQuery): Promise<SessionView[]> {
    const sessions = await this.sessions.listActive(accountId, this.clock.now());
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      expiresAt: s.expiresAt,
      clientIp: s.clientIp,
      userAgent: s.userAgent,
      current: s.id === currentSessionId,
    }));
  }
}
