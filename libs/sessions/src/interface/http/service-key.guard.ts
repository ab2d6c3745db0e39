import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/shared-kernel';
import { UnauthenticatedError } from '../../domain/sessions.errors.js';
import type { AuthenticatedRequest } from './auth.guard.js';
import { bearerToken } from './bearer-token.js';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer {SERVICE_API_KEY}`, compared in constant time (digests of equal length).
 * Any other key, the administrator's included, is not this endpoint's credential: 401.
 */
@Injectable()
export class ServiceKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: AppConfig) {
    this.expected = digest(config.SERVICE_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<AuthenticatedRequest>().headers.authorization);
    if (token === null || !timingSafeEqual(digest(token), this.expected)) {
      throw new UnauthenticatedError('The service key is missing or wrong.');
    }
    return true;
  }
}
