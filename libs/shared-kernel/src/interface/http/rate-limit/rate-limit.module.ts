import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../../infrastructure/config/app-config.js';
import { RedisClient } from '../../../infrastructure/redis/redis-client.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/**
 * The client address is Fastify's `request.ip`, which honours X-Forwarded-For only when
 * TRUST_PROXY=true; RATE_LIMIT_ENABLED=false lifts these per-address limits (not per-account ones).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ name: 'default', limit: 60, ttl: 60_000 }],
        storage: new RedisThrottlerStorage(redis),
        skipIf: () => !config.RATE_LIMIT_ENABLED,
        getTracker: (request: Record<string, unknown>) => String(request.ip ?? 'unknown'),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
