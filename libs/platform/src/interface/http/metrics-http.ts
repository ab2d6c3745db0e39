import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS_SECONDS, MetricsRegistry } from '../../infrastructure/metrics/metrics-registry.js';

type HttpLabel = 'route' | 'method' | 'status';
type Labels = Record<HttpLabel, string>;

/** The route label of a request no route matched (a 404 of the router, a URL it could not decode). */
export const UNMATCHED_ROUTE = 'unmatched';

interface AnsweredRequest {
  method: string;
  routeOptions?: { url?: string };
}

interface HookableServer {
  addHook(
    name: 'onResponse',
    hook: (request: AnsweredRequest, reply: { statusCode: number; elapsedTime: number }, done: () => void) => void,
  ): void;
}

/**
 * `latchkey_http_requests_total` and `latchkey_http_request_duration_seconds`, by route template
 * (`/v1/accounts/:accountId`, never the path as typed), method and status, recorded once the answer
 * has been sent. The label set of each route, method and status is built once and kept: a request
 * costs three Map lookups, one increment and one observation.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;
  private readonly labelSets = new Map<string, Map<string, Map<number, Labels>>>();

  constructor(
    metrics: MetricsRegistry,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    const labelNames: HttpLabel[] = ['route', 'method', 'status'];
    this.requests = metrics.counter({ name: 'latchkey_http_requests_total', help: 'HTTP requests answered', labelNames });
    this.duration = metrics.histogram({
      name: 'latchkey_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to having sent its answer',
      labelNames,
      buckets: LATENCY_BUCKETS_SECONDS,
    });
  }

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance<HookableServer>();
    server?.addHook('onResponse', (request, reply, done) => {
      const labels = this.labels(request.routeOptions?.url ?? UNMATCHED_ROUTE, request.method, reply.statusCode);
      this.requests.inc(labels);
      this.duration.observe(labels, reply.elapsedTime / 1000);
      done();
    });
  }

  private labels(route: string, method: string, status: number): Labels {
    let byMethod = this.labelSets.get(route);
    if (byMethod === undefined) this.labelSets.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map()));
    let labels = byStatus.get(status);
    if (labels === undefined) byStatus.set(status, (labels = { route, method, status: String(status) }));
    return labels;
  }
}
