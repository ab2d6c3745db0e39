import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '../../infrastructure/config/app-config.js';
import { StaticBearerKey } from './static-bearer-key.js';

/**
 * `GET /metrics` with METRICS_TOKEN set (always so in production) needs
 * `Authorization: Bearer {METRICS_TOKEN}`: the figures tell an outsider how sign-ins and lockouts go.
 * Without the setting (development) the endpoint is open.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly key: StaticBearerKey | null;

  constructor(config: AppConfig) {
    this.key = config.METRICS_TOKEN ? new StaticBearerKey(config.METRICS_TOKEN) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    if (this.key === null || this.key.matches(http.getRequest<{ headers: Record<string, unknown> }>().headers.authorization)) return true;
    http.getResponse<{ header(name: string, value: string): unknown }>().header('www-authenticate', 'Bearer realm="metrics"');
    throw new UnauthorizedException({ code: 'UNAUTHENTICATED', detail: 'GET /metrics needs Authorization: Bearer {METRICS_TOKEN}.' });
  }
}
