import { Query } from '@nestjs/cqrs';

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  clientIp: string;
  userAgent: string | null;
  current: boolean;
}

export class ListSessionsQuery extends Query<SessionView[]> {
  constructor(
    readonly accountId: string,
    readonly currentSessionId: string | null,
  ) {
    super();
  }
}
