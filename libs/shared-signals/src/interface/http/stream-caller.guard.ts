import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig, StaticBearerKey } from '#libs/platform';
import { UnauthenticatedError } from '#libs/sessions';
import { StreamCredentialSecrets } from '../../application/ports/stream-credential-secrets.port.js';
import { ADMIN_CALLER, type StreamCaller } from '../../domain/stream-caller.js';
import { STREAM_CREDENTIAL_PREFIX, StreamCredentialRepository } from '../../domain/stream-credential.js';

const BEARER = /^Bearer ([^\s]+)$/i;

interface CallerRequest {
  headers: Record<string, unknown>;
  streamCaller?: StreamCaller;
}

/**
 * The stream management API's bearer tokens (RFC 6750): the administration key (every organization)
 * or an organization's stream credential (`lkssf_…`, looked up by hash on every call, so revoking one
 * takes effect at once). Anything else: 401.
 */
@Injectable()
export class StreamCallerGuard implements CanActivate {
  private readonly adminKey: StaticBearerKey;

  constructor(
    config: AppConfig,
    private readonly credentials: StreamCredentialRepository,
    private readonly secrets: StreamCredentialSecrets,
  ) {
    this.adminKey = new StaticBearerKey(config.ADMIN_API_KEY);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    request.streamCaller = await this.callerOf(request.headers.authorization);
    return true;
  }

  private async callerOf(authorization: unknown): Promise<StreamCaller> {
    if (this.adminKey.matches(authorization)) return ADMIN_CALLER;
    const token = typeof authorization === 'string' ? BEARER.exec(authorization.trim())?.[1] : undefined;
    if (token?.startsWith(STREAM_CREDENTIAL_PREFIX) && token.length <= 200) {
      const credential = await this.credentials.findActiveByHash(this.secrets.hash(token));
      if (credential) return { kind: 'organization', organizationId: credential.organizationId, credentialId: credential.id };
    }
    throw new UnauthenticatedError('Authentication is required: the administration key or a stream credential of the organization.');
  }
}

/** The caller StreamCallerGuard let in. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): StreamCaller => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().streamCaller;
  if (!caller) throw new UnauthenticatedError();
  return caller;
});

/** `Authorization: Bearer {ADMIN_API_KEY}` only: keys and stream credentials are the administrator's. */
@Injectable()
export class SharedSignalsAdminGuard implements CanActivate {
  private readonly key: StaticBearerKey;

  constructor(config: AppConfig) {
    this.key = new StaticBearerKey(config.ADMIN_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.key.matches(context.switchToHttp().getRequest<CallerRequest>().headers.authorization)) throw new UnauthenticatedError();
    return true;
  }
}
