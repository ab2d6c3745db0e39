import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { MetricsTokenGuard } from './metrics-token.guard.js';

collectDefaultMetrics({ prefix: 'latchkey_' });

/** `GET /metrics` in the Prometheus text format; behind METRICS_TOKEN when it is set. */
@ApiExcludeController()
@UseGuards(MetricsTokenGuard)
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
