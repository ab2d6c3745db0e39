import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ApiTokenRepository } from '../../../domain/api-token.repository.js';
import { type ApiTokenView, ListApiTokensQuery } from './list-api-tokens.query.js';

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery> {
  constructor(private readonly apiTokens: ApiTokenRepository) {}

  async execute({ accountId }: ListApiTokensQuery): Promise<ApiTokenView[]> {
    const tokens = await this.apiTokens.listUnrevoked(accountId);
    return tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.tokenPrefix,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
    }));
  }
}
