import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestOrigin } from '../../domain/security-event.js';

/** Fastify's `request.ip` honours X-Forwarded-For only with TRUST_PROXY=true. */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const request = context.switchToHttp().getRequest<{ ip?: string; headers: Record<string, unknown> }>();
  const userAgent = request.headers['user-agent'];
  return { clientIp: request.ip ?? 'unknown', userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
});
