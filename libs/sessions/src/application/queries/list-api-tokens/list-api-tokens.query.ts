import { Query } from '@nestjs/cqrs';

export interface ApiTokenView {
  id: string;
  name: string;
  /** The first characters of the token, to tell tokens apart; never the secret. */
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export class ListApiTokensQuery extends Query<ApiTokenView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}
