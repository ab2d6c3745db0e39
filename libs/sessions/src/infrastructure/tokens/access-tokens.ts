import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '#libs/shared-kernel';

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
    typeof c === 'object' && c !== null &&
    typeof c.sub === 'string' && UUID.test(c.sub) &&
    typeof c.org === 'string' && UUID.test(c.org) &&
    typeof c.sid === 'string' && UUID.test(c.sid) &&
    Number.isInteger(c.cv) && Number.isInteger(c.iat) && Number.isInteger(c.exp) && typeof c.jti === 'string'
  );
}

/** HS256 access JWTs. Verification accepts HS256 only, so `alg: none` and RS/HS confusion fail. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  sign(input: { accountId: string; organizationId: string; sessionId: string; credentialVersion: number; now: Date }): string {
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
  verify(token: string): AccessClaims | null {
    try {
      const claims: unknown = this.jwt.verify(token, { algorithms: ['HS256'] });
      return isAccessClaims(claims) ? claims : null;
    } catch {
      return null;
    }
  }
}
