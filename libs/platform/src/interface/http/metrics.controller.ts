import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';
import { MetricsRegistry } from '../../infrastructure/metrics/metrics-registry.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';

/**
 * `GET /metrics` in the Prometheus text format (the process's figures, then this application's:
 * docs/operations.md#metrics); behind METRICS_TOKEN when it is set.
 */
@ApiExcludeController()
@UseGuards(MetricsTokenGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get()
  @Header('content-type', register.contentType)
  metrics(): Promise<string> {
    return this.registry.exposition();
  }
}
