import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CredentialCache } from '../cache/credential-cache.js';

export interface CredentialsExpiredPayload {
  accountId: string;
  reason?: string;
  /** When the expiry committed (kept for the record: the credential version, not the time, says what it expired). */
  expiredAt: string;
}

export interface InvalidateCachePayload {
  sessionIds?: string[];
  apiTokenIds?: string[];
}

/**
 * The heavy, idempotent part of a revocation. The guard already refuses the credentials; this
 * re-writes their cache markers (in case the post-commit write failed), then drops dead rows.
 */
@Injectable()
export class RevocationCleanUp {
  constructor(
    private readonly orm: MikroORM,
    private readonly cache: CredentialCache,
  ) {}

  async credentialsExpired({ accountId, expiredAt }: CredentialsExpiredPayload): Promise<void> {
    const em = this.orm.em.fork();
    const cutoff = new Date(expiredAt);
    // Whatever an older era still holds unrevoked (none should: creation waits for the expiry's lock).
    await em.execute(
      `update api_tokens t set revoked_at = ?
        where t.account_id = ? and t.revoked_at is null
          and t.credential_version < coalesce((select version from credential_versions where account_id = t.account_id), 1)`,
      [cutoff, accountId],
    );
    const sessions = await em.execute<Array<{ id: string }>>('select id from sessions where account_id = ? and ended_at is not null', [
      accountId,
    ]);
    const tokens = await em.execute<Array<{ secret_hash: string }>>(
      'select secret_hash from api_tokens where account_id = ? and revoked_at is not null and revoked_at <= ?',
      [accountId, cutoff],
    );
    await this.cache.markRevoked([
      ...sessions.map((s) => this.cache.sessionKey(s.id)),
      ...tokens.map((t) => this.cache.apiTokenKey(t.secret_hash)),
    ]);
    // Refresh tokens go with their session (on delete cascade).
    await em.execute('delete from sessions where account_id = ? and ended_at is not null', [accountId]);
  }

  async invalidateCache({ sessionIds = [], apiTokenIds = [] }: InvalidateCachePayload): Promise<void> {
    const em = this.orm.em.fork();
    const tokens =
      apiTokenIds.length === 0
        ? []
        : await em.execute<Array<{ secret_hash: string }>>(
            'select secret_hash from api_tokens where id in (?) and revoked_at is not null',
            [apiTokenIds],
          );
    await this.cache.markRevoked([
      ...sessionIds.map((id) => this.cache.sessionKey(id)),
      ...tokens.map((t) => this.cache.apiTokenKey(t.secret_hash)),
    ]);
  }
}
