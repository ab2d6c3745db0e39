import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { RedisClient } from '../../infrastructure/redis/redis-client.js';

/** `GET /health`: 200 when PostgreSQL and Redis answer, 503 naming the one that does not. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 1_000 }), () => this.pingRedis()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as { error?: Record<string, unknown>; details?: Record<string, unknown> };
      const down = Object.keys(result.error ?? {});
      throw new ServiceUnavailableException({
        code: 'SERVICE_UNAVAILABLE',
        detail: `Unavailable: ${down.join(', ')}.`,
        checks: result.details,
      });
    }
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      await this.redis.connection.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
