import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../../infrastructure/config/app-config.js';
import { RedisClient } from '../../../infrastructure/redis/redis-client.js';
import { rateLimitKey } from './rate-limit-key.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/**
 * The client address is Fastify's `request.ip`, which takes X-Forwarded-For entries only from the
 * proxies TRUST_PROXY names (never a client-chosen left-most entry); IPv6 clients count by their /64.
 * RATE_LIMIT_ENABLED=false lifts these per-address limits (not per-account ones).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisClient],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [{ name: 'default', limit: 60, ttl: 60_000 }],
        storage: new RedisThrottlerStorage(redis),
        skipIf: () => !config.RATE_LIMIT_ENABLED,
        getTracker: (request: { ip?: string }) => rateLimitKey(request.ip),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
