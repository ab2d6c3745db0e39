import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  register,
  Registry,
} from 'prom-client';

// The process's own figures (CPU, memory, event loop, GC), once per process, on prom-client's global registry.
collectDefaultMetrics({ prefix: 'latchkey_' });

/** Latencies in seconds, from 5 ms (a cached token check) to 10 s (a request stuck behind an outage). */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics of one application (the API or the worker): each application has a registry of its
 * own, so two of them in one process (the tests, `createApiApp` twice) neither collide on a name nor
 * count each other's work. `GET /metrics` answers the process's figures (prom-client's global
 * registry: defaults, Redis command timeouts) followed by the application's.
 *
 * Names follow Prometheus conventions (`latchkey_` prefix, `_total` for counters, base units);
 * label values come from short fixed lists — never an id, an e-mail or a raw path.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  counter<L extends string>(configuration: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...configuration, registers: [this.registry] });
  }

  gauge<L extends string>(configuration: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...configuration, registers: [this.registry] });
  }

  histogram<L extends string>(configuration: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram({ ...configuration, registers: [this.registry] });
  }

  get contentType(): string {
    return register.contentType;
  }

  /** The Prometheus text exposition: the process's metrics, then this application's. */
  async exposition(): Promise<string> {
    const [processWide, own] = await Promise.all([register.metrics(), this.registry.metrics()]);
    return own === '' ? processWide : `${processWide}\n${own}`;
  }
}
