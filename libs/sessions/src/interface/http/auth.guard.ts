import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '../../sessions.contract.js';
import { UnauthenticatedError } from '../../domain/sessions.errors.js';
import { CredentialVerifier } from '../../infrastructure/auth/credential-verifier.js';
import { bearerToken } from './bearer-token.js';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * `Authorization: Bearer <access JWT | lk_ API token | another @TokenKind>`; anything missing, malformed, expired or
 * revoked answers 401 UNAUTHENTICATED. Sets the principal that `@CurrentPrincipal()` reads.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly verifier: CredentialVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const verified = token === null ? null : await this.verifier.verify(token);
    if (!verified) throw new UnauthenticatedError();
    request.principal = verified.principal;
    return true;
  }
}
