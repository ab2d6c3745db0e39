import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { entityColumns, PreparedStatement } from '#libs/platform';
import { RefreshToken } from '../../domain/refresh-token.entity.js';
import { Session } from '../../domain/session.aggregate.js';
import type { EndedSession } from '../../domain/session.events.js';
import { SessionRepository } from '../../domain/session.repository.js';

const INSERT_OPENED = new PreparedStatement<{ version: number }>(
  `with version as (
     insert into credential_versions (account_id, version) values ($1::uuid, 1)
     on conflict (account_id) do update set version = credential_versions.version
     returning version
   ), opened as (
     insert into sessions (id, account_id, organization_id, created_at, last_used_at, expires_at, client_ip, user_agent, credential_version)
     select $2::uuid, $1::uuid, $3::uuid, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::text, $8::text, version from version
   ), first_token as (
     insert into refresh_tokens (id, session_id, token_hash, created_at) values ($9::uuid, $2::uuid, $10::text, $11::timestamptz)
   )
   select version from version`,
);
const LOCK_BY_REFRESH_TOKEN = new PreparedStatement(
  (em) =>
    `select ${entityColumns(em, Session)} from sessions where id = (select session_id from refresh_tokens where token_hash = $1) for update`,
);
const REFRESH_TOKEN = new PreparedStatement((em) => `select ${entityColumns(em, RefreshToken)} from refresh_tokens where token_hash = $1`);

@Injectable()
export class MikroOrmSessionRepository extends SessionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  add(...entities: Array<Session | RefreshToken>): void {
    this.em.persist(entities);
  }

  /**
   * Stores a new session with its first refresh token, bound to the account's credential version,
   * and returns that version, locking its row until the caller's transaction ends — one statement, one
   * round trip: the hot half of every sign-in. The lock is what orders a sign-in against a concurrent
   * "expire sessions and tokens" (docs/sessions.md): a sign-in that waited for an expiry's lock is
   * bound to the version the expiry left, one that went first is ended by the expiry's update.
   */
  async insertOpened(session: Session, token: RefreshToken): Promise<number> {
    const [row] = await INSERT_OPENED.run(this.em, [
      session.accountId,
      session.id,
      session.organizationId,
      session.createdAt,
      session.lastUsedAt,
      session.expiresAt,
      session.clientIp,
      session.userAgent,
      token.id,
      token.tokenHash,
      token.createdAt,
    ]);
    session.credentialVersion = row.version;
    return row.version;
  }

  /**
   * The session of the token's hash locked, then that token read again under the lock (a rotation that
   * went first is seen as used): two prepared statements mapped with `em.map` (managed and freshly read, as
   * `findOne` with `refresh`) rather than a lookup and two `findOne` query builds, which were a third of a
   * rotation's CPU. The subquery finds the session without locking the token's row.
   */
  async lockByRefreshToken(tokenHash: string): Promise<{ session: Session; token: RefreshToken } | null> {
    const [sessionRow] = await LOCK_BY_REFRESH_TOKEN.run(this.em, [tokenHash]);
    if (!sessionRow) return null;
    const session = this.em.map(Session, sessionRow);
    const [tokenRow] = await REFRESH_TOKEN.run(this.em, [tokenHash]);
    return tokenRow ? { session, token: this.em.map(RefreshToken, tokenRow) } : null;
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  async endActive(filter: { sessionId?: string; accountId?: string }, reason: string, now: Date): Promise<EndedSession[]> {
    const clauses = ['ended_at is null'];
    const params: unknown[] = [now, reason];
    if (filter.sessionId) {
      clauses.push('id = ?');
      params.push(filter.sessionId);
    }
    if (filter.accountId) {
      clauses.push('account_id = ?');
      params.push(filter.accountId);
    }
    const rows = await this.em.execute<Array<{ id: string; account_id: string; organization_id: string }>>(
      `update sessions set ended_at = ?, end_reason = ? where ${clauses.join(' and ')} returning id, account_id, organization_id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, organizationId: r.organization_id }));
  }

  async listActive(accountId: string, now: Date): Promise<Session[]> {
    return this.em.find(Session, { accountId, endedAt: null, expiresAt: { $gt: now } }, { orderBy: { createdAt: 'desc' } });
  }
}
