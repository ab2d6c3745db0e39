import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { PreparedStatement } from '#libs/platform';
import { API_TOKEN_PREFIX } from '../../domain/api-token.aggregate.js';
import type { TokenVerifier, VerifiedCredential } from '../../sessions.contract.js';
import { apiTokenCacheFields } from '../cache/cache-fields.js';
import { CredentialCache } from '../cache/credential-cache.js';
import { TokenCheckMetrics } from '../metrics/token-check.metrics.js';
import { OpaqueTokens } from '../tokens/opaque-tokens.js';
import { LastUsedRecorder } from './last-used-recorder.js';
import { TokenKind } from './credential-verifier.js';

const API_TOKEN_SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

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

const API_TOKEN = new PreparedStatement<ApiTokenRow>(
  `select t.id, t.account_id, t.organization_id, t.created_at, t.expires_at, t.revoked_at, t.credential_version, coalesce(cv.version, 1) as current_version
     from api_tokens t left join credential_versions cv on cv.account_id = t.account_id
    where t.secret_hash = $1`,
);

/**
 * `lk_` API tokens: well formed, known, unrevoked, unexpired, of the account's current credential
 * version. Redis first, one command; the primary PostgreSQL when Redis has no trusted answer.
 */
@TokenKind(API_TOKEN_PREFIX)
@Injectable()
export class ApiTokenVerifier implements TokenVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly cache: CredentialCache,
    private readonly opaqueTokens: OpaqueTokens,
    private readonly lastUsed: LastUsedRecorder,
    private readonly checks: TokenCheckMetrics,
  ) {}

  async verify(token: string): Promise<VerifiedCredential | null> {
    if (!API_TOKEN_SHAPE.test(token)) return this.checks.invalid('api_token', 'none');
    const secretHash = this.opaqueTokens.hash(token);
    const key = this.cache.apiTokenKey(secretHash);
    const cached = await this.cache.lookup(key);
    if (cached.state === 'revoked') return this.checks.invalid('api_token', 'redis');
    const source = cached.state === 'hit' ? 'redis' : 'postgres';
    const fields = cached.state === 'hit' ? cached.fields : await this.apiTokenFromDatabase(secretHash, key);
    if (!fields) return this.checks.invalid('api_token', source);
    const [id, accountId, organizationId, createdAtMs, expiresAtMs, credentialVersion] = fields;
    if (Number(expiresAtMs) !== 0 && Date.now() >= Number(expiresAtMs)) return this.checks.invalid('api_token', source);
    this.lastUsed.apiToken(id);
    return this.checks.valid('api_token', source, {
      kind: 'api_token',
      principal: { accountId, organizationId, sessionId: null, apiTokenId: id, credentialVersion: Number(credentialVersion) },
      issuedAt: Math.floor(Number(createdAtMs) / 1000),
      expiresAt: Number(expiresAtMs) === 0 ? null : Math.floor(Number(expiresAtMs) / 1000),
      tokenId: id,
    });
  }

  private async apiTokenFromDatabase(secretHash: string, key: string): Promise<string[] | null> {
    const [row] = await API_TOKEN.run(this.orm.em, [secretHash]);
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
