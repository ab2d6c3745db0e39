import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { PreparedStatement } from '#libs/platform';
import type { TokenVerifier, VerifiedCredential } from '../../sessions.contract.js';
import { sessionCacheFields } from '../cache/cache-fields.js';
import { CredentialCache } from '../cache/credential-cache.js';
import { TokenCheckMetrics } from '../metrics/token-check.metrics.js';
import { AccessTokens, type AccessClaims } from '../tokens/access-tokens.js';
import { LastUsedRecorder } from './last-used-recorder.js';
import { TokenKind } from './credential-verifier.js';

interface SessionRow {
  account_id: string;
  organization_id: string;
  expires_at: string | Date;
  ended_at: string | Date | null;
  credential_version: number;
  current_version: number;
}

const SESSION = new PreparedStatement<SessionRow>(
  `select s.account_id, s.organization_id, s.expires_at, s.ended_at, s.credential_version, coalesce(cv.version, 1) as current_version
     from sessions s left join credential_versions cv on cv.account_id = s.account_id
    where s.id = $1`,
);

/**
 * Access JWTs, the kind for every token no other kind's prefix claims: signature and expiry, then
 * its session still open and of the account's current credential version. Redis first, one
 * command; the primary PostgreSQL when Redis has no trusted answer.
 */
@TokenKind('')
@Injectable()
export class AccessTokenVerifier implements TokenVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly cache: CredentialCache,
    private readonly accessTokens: AccessTokens,
    private readonly lastUsed: LastUsedRecorder,
    private readonly checks: TokenCheckMetrics,
  ) {}

  async verify(token: string): Promise<VerifiedCredential | null> {
    const claims = this.accessTokens.verify(token);
    if (!claims) return this.checks.invalid('access_token', 'none');
    const key = this.cache.sessionKey(claims.sid);
    const cached = await this.cache.lookup(key);
    if (cached.state === 'revoked') return this.checks.invalid('access_token', 'redis');
    const source = cached.state === 'hit' ? 'redis' : 'postgres';
    const fields = cached.state === 'hit' ? cached.fields : await this.sessionFromDatabase(claims.sid, key);
    if (!fields || !this.sessionMatches(fields, claims)) return this.checks.invalid('access_token', source);
    this.lastUsed.session(claims.sid);
    return this.checks.valid('access_token', source, {
      kind: 'access_token',
      principal: {
        accountId: claims.sub,
        organizationId: claims.org,
        sessionId: claims.sid,
        apiTokenId: null,
        credentialVersion: claims.cv,
      },
      issuedAt: claims.iat,
      expiresAt: claims.exp,
      tokenId: claims.jti,
    });
  }

  private sessionMatches([accountId, organizationId, version, expiresAtMs]: string[], claims: AccessClaims): boolean {
    return accountId === claims.sub && organizationId === claims.org && Number(version) === claims.cv && Date.now() < Number(expiresAtMs);
  }

  private async sessionFromDatabase(sessionId: string, key: string): Promise<string[] | null> {
    const [row] = await SESSION.run(this.orm.em, [sessionId]);
    if (!row || row.ended_at !== null || Number(row.credential_version) !== Number(row.current_version)) return null;
    const fields = sessionCacheFields(
      { accountId: row.account_id, organizationId: row.organization_id, expiresAt: new Date(row.expires_at) },
      Number(row.credential_version),
    );
    void this.cache.fill(key, fields);
    return fields.map(String);
  }
}
