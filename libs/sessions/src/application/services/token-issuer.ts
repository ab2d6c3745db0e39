import { Injectable } from '@nestjs/common';
import type { Session } from '../../domain/session.aggregate.js';
import type { IssuedTokens } from '../../sessions.contract.js';
import { AccessTokenSigner } from '../ports/access-token-signer.port.js';

/** The token pair of a sign-in or refresh: a fresh access JWT beside the (already stored) refresh token. */
@Injectable()
export class TokenIssuer {
  constructor(private readonly accessTokens: AccessTokenSigner) {}

  issue(session: Session, credentialVersion: number, refreshToken: string, now: Date): IssuedTokens {
    const accessToken = this.accessTokens.sign({
      accountId: session.accountId,
      organizationId: session.organizationId,
      sessionId: session.id,
      credentialVersion,
      now,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.accessTokens.ttlSeconds, refreshToken, sessionId: session.id };
  }
}
