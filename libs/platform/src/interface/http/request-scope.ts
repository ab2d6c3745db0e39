import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { type RequestLogScope, requestLogScope } from '../../infrastructure/logging/request-log-scope.js';
import { LazyRequestContext } from '../../infrastructure/persistence/lazy-request-context.js';

interface AnsweredReply {
  statusCode: number;
  elapsedTime: number;
  /** Node's response: what the `res` serializer reads (pino-http's wrapper takes the status only from a sent one). */
  raw: object;
}

interface HookableServer {
  addHook(name: 'onRequest', hook: (request: RequestLogScope, reply: unknown, done: () => void) => void): void;
  addHook(name: 'onResponse', hook: (request: RequestLogScope, reply: AnsweredReply, done: () => void) => void): void;
}

/** Polled by load balancers and Prometheus: not worth a log line each time. */
const UNLOGGED_PATHS: ReadonlySet<string> = new Set(['/health', '/metrics']);

/** A client's mistake is worth an info line, a failure of ours an error, a success only debug. */
function levelOf(status: number): 'error' | 'info' | 'debug' {
  return status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
}

/**
 * What every HTTP request runs in, as two Fastify hooks (no middleware layer):
 * - its own MikroORM context, forked only if the request uses the database (LazyRequestContext);
 * - its log scope: a line written while it runs names the request (`req`: id, method, path);
 * - once answered, one access line — `request completed` (debug, or info for a 4xx) or
 *   `request errored` (error, 5xx) with status and time — except for `/health` and `/metrics`.
 * Successful requests are logged at debug: on the token-check hot path an access line costs about a
 * quarter of the request, and security events have their own audit trail (docs/api.md#audit-trail).
 */
@Injectable()
export class RequestScope implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly context: LazyRequestContext,
  ) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getInstance<HookableServer>();
    server?.addHook('onRequest', (request, _reply, done) => {
      requestLogScope.run({ id: request.id, method: request.method, url: request.url }, () => this.context.run(done));
    });
    server?.addHook('onResponse', (request, reply, done) => {
      this.logAnswered(request, reply);
      done();
    });
  }

  private logAnswered(request: RequestLogScope, reply: AnsweredReply): void {
    const level = levelOf(reply.statusCode);
    const logger = PinoLogger.root;
    if (!logger.isLevelEnabled(level) || UNLOGGED_PATHS.has(request.url.split('?')[0])) return;
    const line = {
      req: { id: request.id, method: request.method, url: request.url },
      res: reply.raw,
      responseTime: Math.round(reply.elapsedTime),
    };
    if (level === 'error') logger.error({ ...line, err: new Error(`failed with status code ${reply.statusCode}`) }, 'request errored');
    else logger[level](line, 'request completed');
  }
}
