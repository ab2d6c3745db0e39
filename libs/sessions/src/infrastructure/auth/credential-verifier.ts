import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../../sessions.contract.js';
import { API_TOKEN_PREFIX } from '../../domain/api-token.aggregate.js';
import { apiTokenCacheFields, sessionCacheFields } from '../cache/cache-fields.js';
import { CredentialCache } from '../cache/credential-cache.js';
import { AccessTokens, type AccessClaims } from '../tokens/access-tokens.js';
import { OpaqueTokens } from '../tokens/opaque-tokens.js';
import { LastUsedRecorder } from './last-used-recorder.js';

export interface VerifiedCredential {
  kind: 'access_token' | 'api_token';
  principal: Principal;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number | null;
  tokenId: string;
}

const API_TOKEN_SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

interface SessionRow {
  account_id: string;
  organization_id: string;
  expires_at: string | Date;
  ended_at: string | Date | null;
  credential_version: number;
  current_version: number;
}

interface ApiTokenRow {
  id: string;
  account_id: string;
  organization_id: string;
  created_at: string | Date;
  expires_at: string | Date | null;
  revoked_at: string | Date | null;
  credential_version: number;
  current_version: number;
}

/**
 * Decides whether a bearer token is valid now: an access JWT (signature, expiry, then its session
 * still open and of the account's current credential version) or an `lk_` API token (known,
 * unrevoked, unexpired, of the current credential version). Redis first, one command; the primary
 * PostgreSQL when Redis has no trusted answer. Never fails open.
 */
@Injectable()
export class CredentialVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly cache: CredentialCache,
    private readonly accessTokens: AccessTokens,
    private readonly opaqueTokens: OpaqueTokens,
    private readonly lastUsed: LastUsedRecorder,
  ) {}

  verify(token: string): Promise<VerifiedCredential | null> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.verifyApiToken(token);
    return this.verifyAccessToken(token);
  }

  private async verifyAccessToken(token: string): Promise<VerifiedCredential | null> {
    const claims = this.accessTokens.verify(token);
    if (!claims) return null;
    const key = this.cache.sessionKey(claims.sid);
    const cached = await this.cache.lookup(key);
    if (cached.state === 'revoked') return null;
    const fields = cached.state === 'hit' ? cached.fields : await this.sessionFromDatabase(claims.sid, key);
    if (!fields || !this.sessionMatches(fields, claims)) return null;
    this.lastUsed.session(claims.sid);
    return {
      kind: 'access_token',
      principal: { accountId: claims.sub, organizationId: claims.org, sessionId: claims.sid, apiTokenId: null, credentialVersion: claims.cv },
      issuedAt: claims.iat,
      expiresAt: claims.exp,
      tokenId: claims.jti,
    };
  }

  private sessionMatches([accountId, organizationId, version, expiresAtMs]: string[], claims: AccessClaims): boolean {
    return accountId === claims.sub && organizationId === claims.org && Number(version) === claims.cv && Date.now() < Number(expiresAtMs);
  }

  private async sessionFromDatabase(sessionId: string, key: string): Promise<string[] | null> {
    const [row] = await this.orm.em.getConnection().execute<SessionRow[]>(
      `select s.account_id, s.organization_id, s.expires_at, s.ended_at, s.credential_version, coalesce(cv.version, 1) as current_version
         from sessions s left join credential_versions cv on cv.account_id = s.account_id
        where s.id = ?`,
      [sessionId],
    );
    if (!row || row.ended_at !== null || Number(row.credential_version) !== Number(row.current_version)) return null;
    const fields = sessionCacheFields(
      { accountId: row.account_id, organizationId: row.organization_id, expiresAt: new Date(row.expires_at) },
      Number(row.credential_version),
    );
    void this.cache.fill(key, fields);
    return fields.map(String);
  }

  private async verifyApiToken(token: string): Promise<VerifiedCredential | null> {
    if (!API_TOKEN_SHAPE.test(token)) return null;
    const secretHash = this.opaqueTokens.hash(token);
    const key = this.cache.apiTokenKey(secretHash);
    const cached = await this.cache.lookup(key);
    if (cached.state === 'revoked') return null;
    const fields = cached.state === 'hit' ? cached.fields : await this.apiTokenFromDatabase(secretHash, key);
    if (!fields) return null;
    const [id, accountId, organizationId, createdAtMs, expiresAtMs, credentialVersion] = fields;
    if (Number(expiresAtMs) !== 0 && Date.now() >= Number(expiresAtMs)) return null;
    this.lastUsed.apiToken(id);
    return {
      kind: 'api_token',
      principal: { accountId, organizationId, sessionId: null, apiTokenId: id, credentialVersion: Number(credentialVersion) },
      issuedAt: Math.floor(Number(createdAtMs) / 1000),
      expiresAt: Number(expiresAtMs) === 0 ? null : Math.floor(Number(expiresAtMs) / 1000),
      tokenId: id,
    };
  }

  private async apiTokenFromDatabase(secretHash: string, key: string): Promise<string[] | null> {
    const [row] = await this.orm.em.getConnection().execute<ApiTokenRow[]>(
      `select t.id, t.account_id, t.organization_id, t.created_at, t.expires_at, t.revoked_at, t.credential_version, coalesce(cv.version, 1) as current_version
         from api_tokens t left join credential_versions cv on cv.account_id = t.account_id
        where t.secret_hash = ?`,
      [secretHash],
    );
    if (!row || row.revoked_at !== null || Number(row.credential_version) !== Number(row.current_version)) return null;
    const fields = apiTokenCacheFields({
      id: row.id,
      accountId: row.account_id,
      organizationId: row.organization_id,
      createdAt: new Date(row.created_at),
      expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
      credentialVersion: Number(row.credential_version),
    });
    void this.cache.fill(key, fields);
    return fields.map(String);
  }
}
