import { applyDecorators, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

/** Per-address limits, per minute (docs/api.md#rate-limits). */
export const RATE_LIMITS = {
  'sign-in': 30,
  refresh: 60,
  'policy-check': 60,
  'reset-request': 10,
  'reset-token': 30,
} as const;

export type RateLimitKind = keyof typeof RATE_LIMITS;

/** Limits a route per client address; over the limit it answers 429 RATE_LIMITED with Retry-After. */
export function RateLimit(kind: RateLimitKind): MethodDecorator & ClassDecorator {
  return applyDecorators(
    Throttle({ default: { limit: RATE_LIMITS[kind], ttl: 60_000 } }),
    UseGuards(ThrottlerGuard),
    ApiTooManyRequestsResponse({ description: `More than ${RATE_LIMITS[kind]} requests a minute from this address (RATE_LIMITED).` }),
  );
}
