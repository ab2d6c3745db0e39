import { Injectable } from '@nestjs/common';
import { AppConfig, MetricsRegistry } from '#libs/platform';
import { type PushOutcome, SetPusher } from '../../application/ports/set-pusher.port.js';

/** RFC 8935 §2.4 error codes: the receiver will never accept this SET as it is. */
const PERMANENT_ERRORS = new Set([
  'invalid_request',
  'invalid_key',
  'invalid_issuer',
  'invalid_audience',
  'authentication_failed',
  'access_denied',
]);

/**
 * RFC 8935 push over fetch: `POST` with `Content-Type: application/secevent+jwt` and the stream's
 * Authorization header; 202 (or 200) is delivered; a 400 whose JSON `err` is one of the RFC's codes
 * is that SET refused for good; anything else (401, 403, 404, 429, 5xx, a timeout, no connection) is
 * retried. Counts each attempt by outcome (`latchkey_ssf_push_attempts_total`).
 */
@Injectable()
export class HttpSetPusher extends SetPusher {
  private readonly attempts;

  constructor(
    private readonly config: AppConfig,
    metrics: MetricsRegistry,
  ) {
    super();
    this.attempts = metrics.counter({
      name: 'latchkey_ssf_push_attempts_total',
      help: 'SETs pushed to receivers (RFC 8935), by outcome: delivered, rejected (400, not retried) or retry',
      labelNames: ['outcome'],
    });
  }

  async push(endpointUrl: string, authorizationHeader: string | null, set: string): Promise<PushOutcome> {
    const outcome = await this.attempt(endpointUrl, authorizationHeader, set);
    this.attempts.inc({ outcome: outcome.kind });
    return outcome;
  }

  private async attempt(endpointUrl: string, authorizationHeader: string | null, set: string): Promise<PushOutcome> {
    let response: Response;
    try {
      response = await fetch(endpointUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/secevent+jwt',
          accept: 'application/json',
          ...(authorizationHeader ? { authorization: authorizationHeader } : {}),
        },
        body: set,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.SSF_PUSH_TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'retry', error: `no answer: ${(error as Error).message}`.slice(0, 300) };
    }
    const body = await response.text().catch(() => '');
    if (response.status === 202 || response.status === 200) return { kind: 'delivered' };
    if (response.status === 400) {
      const err = readErr(body);
      if (err && PERMANENT_ERRORS.has(err.err))
        return { kind: 'rejected', error: err.description ? `${err.err}: ${err.description}` : err.err };
    }
    return { kind: 'retry', error: `HTTP ${response.status}` };
  }
}

function readErr(body: string): { err: string; description?: string } | null {
  try {
    const parsed = JSON.parse(body) as { err?: unknown; description?: unknown };
    if (typeof parsed.err !== 'string') return null;
    return { err: parsed.err, description: typeof parsed.description === 'string' ? parsed.description.slice(0, 200) : undefined };
  } catch {
    return null;
  }
}
