import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken } from '../../domain/api-token.aggregate.js';

export interface RevokedApiToken {
  id: string;
  secretHash: string;
}

@Injectable()
export class MikroOrmApiTokenRepository {
  constructor(private readonly em: EntityManager) {}

  async add(token: ApiToken): Promise<void> {
    await this.em.persist(token).flush();
  }

  async listUnrevoked(accountId: string): Promise<ApiToken[]> {
    return this.em.find(ApiToken, { accountId, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  }

  /** Revokes one token of the account, or all its tokens; returns those it revoked now. */
  async revoke(filter: { accountId: string; id?: string }, now: Date): Promise<RevokedApiToken[]> {
    const rows = await this.em.execute<Array<{ id: string; secret_hash: string }>>(
      `update api_tokens set revoked_at = ?
        where account_id = ?${filter.id ? ' and id = ?' : ''} and revoked_at is null
        returning id, secret_hash`,
      filter.id ? [now, filter.accountId, filter.id] : [now, filter.accountId],
    );
    return rows.map((r) => ({ id: r.id, secretHash: r.secret_hash }));
  }
}
