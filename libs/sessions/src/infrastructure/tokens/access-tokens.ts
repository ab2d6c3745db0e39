import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '#libs/platform';
import { AccessTokenSigner, type AccessTokenSubject } from '../../application/ports/access-token-signer.port.js';

export interface AccessClaims {
  sub: string;
  org: string;
  sid: string;
  cv: number;
  iat: number;
  exp: number;
  jti: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAccessClaims(value: unknown): value is AccessClaims {
  const c = value as Partial<AccessClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    UUID.test(c.sub) &&
    typeof c.org === 'string' &&
    UUID.test(c.org) &&
    typeof c.sid === 'string' &&
    UUID.test(c.sid) &&
    Number.isInteger(c.cv) &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp) &&
    typeof c.jti === 'string'
  );
}

/** Tokens whose signature has been checked, by the token itself; a token is ~300 bytes. */
const MAX_VERIFIED = 10_000;

/**
 * HS256 access JWTs. Verification accepts HS256 only, so `alg: none` and RS/HS confusion fail.
 * A token's signature is checked once per instance and remembered (as fast-jwt's cache does): the
 * same token comes back on every request for its 15 minutes, and its expiry is still checked
 * each time. Whether its session still lives is never remembered here (see CredentialVerifier).
 */
@Injectable()
export class AccessTokens extends AccessTokenSigner {
  /**
   * Keyed by the signature, the token's last segment, and holding the whole token: hashing 43 characters
   * for the lookup instead of a few hundred was a third of a microsecond of every request. A hit counts
   * only when the whole token is the one verified (a known signature under other claims is not).
   */
  private readonly verified = new Map<string, { token: string; claims: AccessClaims }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(input: AccessTokenSubject): string {
    const iat = Math.floor(input.now.getTime() / 1000);
    const claims: AccessClaims = {
      sub: input.accountId,
      org: input.organizationId,
      sid: input.sessionId,
      cv: input.credentialVersion,
      iat,
      exp: iat + this.ttlSeconds,
      jti: randomUUID(),
    };
    return this.jwt.sign(claims, { algorithm: 'HS256' });
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: string, nowMs = Date.now()): AccessClaims | null {
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const known = this.verified.get(signature);
    if (known?.token === token) return nowMs < known.claims.exp * 1000 ? known.claims : null;
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, { algorithms: ['HS256'], clockTimestamp: Math.floor(nowMs / 1000) });
    } catch {
      return null;
    }
    if (!isAccessClaims(claims)) return null;
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(signature, { token, claims: Object.freeze(claims) });
    return claims;
  }
}
