import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConnectionDraining } from './connection-draining.js';
import { HealthController } from './health.controller.js';
import { HttpMetrics } from './metrics-http.js';
import { MetricsController } from './metrics.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ConnectionDraining, HttpMetrics],
})
export class OperationsModule {}
