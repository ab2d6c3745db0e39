import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig, StaticBearerKey } from '#libs/shared-kernel';
import { UnauthenticatedError } from '../../domain/sessions.errors.js';
import type { AuthenticatedRequest } from './auth.guard.js';

/**
 * `Authorization: Bearer {SERVICE_API_KEY}`, compared in constant time. Any other key, the
 * administrator's included, is not this endpoint's credential: 401.
 */
@Injectable()
export class ServiceKeyGuard implements CanActivate {
  private readonly key: StaticBearerKey;

  constructor(config: AppConfig) {
    this.key = new StaticBearerKey(config.SERVICE_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.key.matches(context.switchToHttp().getRequest<AuthenticatedRequest>().headers.authorization)) {
      throw new UnauthenticatedError('The service key is missing or wrong.');
    }
    return true;
  }
}
