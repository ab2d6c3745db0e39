import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken } from '../../domain/api-token.aggregate.js';
import { ApiTokenRepository, type RevokedApiToken } from '../../domain/api-token.repository.js';

@Injectable()
export class MikroOrmApiTokenRepository extends ApiTokenRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  /**
   * Stores the token only if its credential version is still the account's, under the lock an expiry
   * takes on that version (one statement). A creation that waited for an expiry finds the version
   * advanced and stores nothing; one that went first is committed before the expiry's revoking update
   * runs, so that update sees it. Either way no token outlives the expiry (docs/sessions.md).
   */
  async addIfCurrent(token: ApiToken): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `with version as (
         insert into credential_versions (account_id, version) values (?, 1)
         on conflict (account_id) do update set version = credential_versions.version
         returning version
       )
       insert into api_tokens (id, account_id, organization_id, name, token_prefix, secret_hash, created_at, expires_at, credential_version)
       select ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, version from version where version = ?
       returning id`,
      [
        token.accountId,
        token.id,
        token.accountId,
        token.organizationId,
        token.name,
        token.tokenPrefix,
        token.secretHash,
        token.createdAt,
        token.expiresAt,
        token.credentialVersion,
      ],
    );
    return rows.length === 1;
  }

  async listUnrevoked(accountId: string): Promise<ApiToken[]> {
    return this.em.find(ApiToken, { accountId, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  }

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
