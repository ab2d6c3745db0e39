import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Cluster } from 'ioredis';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { HealthDetails } from '../../infrastructure/health/health-details.js';
import { RedisClient } from '../../infrastructure/redis/redis-client.js';

/** `GET /health`: 200 when PostgreSQL and Redis answer (a Redis Cluster: and says it is ok), 503 naming the one that does not. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisClient,
    private readonly details: HealthDetails,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1_000 }),
        () => this.pingRedis(),
        ...this.details.entries().map(
          ([name, source]) =>
            () =>
              this.detail(name, source),
        ),
      ]);
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

  /** A module's facts (HealthDetails): always up, so they never turn the answer into a 503. */
  private async detail(name: string, source: () => Promise<Record<string, unknown>>) {
    const indicator = this.indicators.check(name);
    try {
      return indicator.up(await source());
    } catch (error) {
      return indicator.up({ unavailable: (error as Error).message });
    }
  }

  /**
   * A single Redis must answer PING. In a Redis Cluster a node that answers is not enough: with a
   * master and its replicas gone, some slots have no server, and the nodes say so in CLUSTER INFO
   * (`cluster_state:fail`); reported as it is, 503 unless `ok`.
   */
  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    const connection = this.redis.connection;
    try {
      if (!(connection instanceof Cluster)) {
        await connection.ping();
        return indicator.up();
      }
      const info = String(await connection.cluster('INFO'));
      const state = /cluster_state:(\w+)/.exec(info)?.[1] ?? 'unknown';
      return state === 'ok' ? indicator.up({ cluster_state: state }) : indicator.down({ cluster_state: state });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
