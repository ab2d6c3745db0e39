import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestOrigin } from '#libs/building-blocks';

/** Fastify's `request.ip`: the socket's address, or the first X-Forwarded-For hop not vouched for by a proxy TRUST_PROXY trusts. */
export const ClientOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): RequestOrigin => {
  const request = context.switchToHttp().getRequest<{ ip?: string; headers: Record<string, unknown> }>();
  const userAgent = request.headers['user-agent'];
  return { clientIp: request.ip ?? 'unknown', userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null };
});
