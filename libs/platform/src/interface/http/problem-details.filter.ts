import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '#libs/building-blocks';
import { isTransientDependencyFailure } from './dependency-failure.js';
import { codeForStatus } from './problem-codes.js';
import { problem, type ProblemDocument } from './problem.js';

interface FrameworkError {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

/** One place that turns every error into RFC 9457 problem JSON with a stable `code` (docs/api.md#errors). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const document = this.toProblem(exception);
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse();
    httpAdapter.setHeader(response, 'content-type', 'application/problem+json');
    if (document.status === 503) httpAdapter.setHeader(response, 'retry-after', '1');
    httpAdapter.reply(response, document, document.status);
  }

  private toProblem(exception: unknown): ProblemDocument {
    // A domain error states its own status: a module or an extension adds codes without touching this filter.
    if (exception instanceof DomainError) return problem(exception.code, exception.message, exception.extensions, exception.status);
    if (exception instanceof ThrottlerException) return problem('RATE_LIMITED', 'Too many requests; retry later.', {}, 429);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const { statusCode, message } = (exception ?? {}) as FrameworkError;
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode.
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return problem(codeForStatus(statusCode), typeof message === 'string' ? message : 'Bad request.', {}, statusCode);
    }
    if (isTransientDependencyFailure(exception)) {
      this.logger.warn(`Dependency unavailable: ${(exception as Error).message}`);
      return problem('SERVICE_UNAVAILABLE', 'A backing service is unavailable; retry shortly.', {}, 503);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return problem('INTERNAL_ERROR', 'An unexpected error occurred.', {}, 500);
  }

  private fromHttpException(exception: HttpException): ProblemDocument {
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
      const { code, detail, ...extensions } = body as { code: string; detail?: string };
      return problem(code, detail ?? exception.message, extensions, status);
    }
    if (status >= 500) this.logger.error(exception.stack ?? exception.message);
    return problem(codeForStatus(status), status >= 500 ? 'An unexpected error occurred.' : exception.message, {}, status);
  }
}
