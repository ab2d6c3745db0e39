import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig, StaticBearerKey } from '#libs/platform';
import { UnauthenticatedError } from '#libs/sessions';

/** `Authorization: Bearer {ADMIN_API_KEY}` (docs/api.md#administration); the service key is a different secret and is refused here. */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  private readonly key: StaticBearerKey;

  constructor(config: AppConfig) {
    this.key = new StaticBearerKey(config.ADMIN_API_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.key.matches(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers.authorization)) {
      throw new UnauthenticatedError();
    }
    return true;
  }
}
