import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/shared-kernel';
import { UnauthenticatedError } from '#libs/sessions';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer {ADMIN_API_KEY}` (SPEC §5). Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the presented key; the
 * service key is a different secret and is refused here.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: AppConfig) {
    this.expected = digest(config.ADMIN_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    if (!match || !timingSafeEqual(digest(match[1]), this.expected)) throw new UnauthenticatedError();
    return true;
  }
}
