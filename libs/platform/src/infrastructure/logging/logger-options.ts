import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

/** Field names that may carry a secret anywhere in a log object; pino replaces their values. */
// `link`: a mail job's reset or invitation link carries its token (docs/guarantees.md#reset-links-are-single-use-and-stay-secret).
const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey', 'link'];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** Polled by load balancers and Prometheus: not worth a log line each time. */
const UNLOGGED_PATHS = new Set(['/health', '/metrics']);

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Only method and path: query strings and bodies are never logged.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Fastify's middleware layer (middie) strips the mount path from `req.url` (it reads `/`), so
      // match on `originalUrl`: health checks and scrapes every few seconds would drown the log.
      autoLogging: { ignore: (req) => UNLOGGED_PATHS.has(((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0]) },
      // Successful requests are logged at debug: on the token-check hot path an access log line costs
      // about a quarter of the request, and security events have their own audit trail (docs/api.md#audit-trail).
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    },
    forRoutes: ['*path'],
  };
}
