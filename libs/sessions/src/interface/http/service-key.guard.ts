import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, StaticBearerKey } from '#libs/platform';
import { UnauthenticatedError } from '../../domain/sessions.errors.js';

/** The OAuth client id of the service key, whose secret is SERVICE_API_KEY. */
const SERVICE_CLIENT_ID = 'service';
const CHALLENGES = ['Basic realm="latchkey", charset="UTF-8"', 'Bearer realm="latchkey"'];
const BASIC = /^Basic ([A-Za-z0-9+/]+={0,2})$/i;

interface ClientFields {
  client_id?: unknown;
  client_secret?: unknown;
}

/** RFC 6749 §2.3.1 form-encodes the id and secret inside Basic; many clients do not, so both readings count. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

function basicCredentials(authorization: string): { id: string; secret: string } | null {
  const match = BASIC.exec(authorization.trim());
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: formDecoded(decoded.slice(0, colon)), secret: decoded.slice(colon + 1) };
}

/**
 * The service's credential for introspection (RFC 7662 §2.1), compared in constant time: client
 * `service` with SERVICE_API_KEY as its secret by HTTP Basic (`client_secret_basic`) or in the body
 * (`client_secret_post`), or `Authorization: Bearer {SERVICE_API_KEY}`. One method per request
 * (RFC 6749 §2.3). Anything else — the administrator's key included — answers 401 with a challenge
 * and `error: invalid_client`, as an OAuth client expects (RFC 6749 §5.2).
 */
@Injectable()
export class ServiceKeyGuard implements CanActivate {
  private readonly key: StaticBearerKey;

  constructor(config: AppConfig) {
    this.key = new StaticBearerKey(config.SERVICE_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const body = typeof request.body === 'object' && request.body !== null ? (request.body as ClientFields) : {};
    if (this.authenticates(request.headers.authorization, body)) return true;
    http.getResponse<FastifyReply>().header('www-authenticate', CHALLENGES);
    const refusal = new UnauthenticatedError(
      'The client is not authenticated: client "service" with the service key as its secret, or the service key as a Bearer token.',
    );
    refusal.extensions.error = 'invalid_client';
    throw refusal;
  }

  private authenticates(authorization: string | undefined, { client_id: id, client_secret: secret }: ClientFields): boolean {
    if (authorization === undefined) return id === SERVICE_CLIENT_ID && typeof secret === 'string' && this.key.isKey(secret);
    if (secret !== undefined || (id !== undefined && id !== SERVICE_CLIENT_ID)) return false;
    if (this.key.matches(authorization)) return true;
    const basic = basicCredentials(authorization);
    return basic?.id === SERVICE_CLIENT_ID && (this.key.isKey(basic.secret) || this.key.isKey(formDecoded(basic.secret)));
  }
}
