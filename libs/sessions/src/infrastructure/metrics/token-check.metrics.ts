import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '#libs/platform';
import type { Counter } from 'prom-client';

type Kind = 'access_token' | 'api_token';
/** Where the answer came from: Redis (the cache), PostgreSQL (the fallback), or none (refused on sight: malformed, bad signature, expired). */
export type TokenCheckSource = 'redis' | 'postgres' | 'none';
type Outcome = 'valid' | 'invalid';
type Labels = Record<'kind' | 'source' | 'outcome', string>;

const KINDS: Kind[] = ['access_token', 'api_token'];
const SOURCES: TokenCheckSource[] = ['redis', 'postgres', 'none'];

/**
 * `latchkey_token_checks_total{kind, source, outcome}`: every bearer token the API checked. A
 * sustained share of `source="postgres"` means Redis is not answering for the credentials (down,
 * cut off, or its trust token not yet renewed). The label sets are built once: a check costs one increment.
 */
@Injectable()
export class TokenCheckMetrics {
  private readonly checks: Counter<keyof Labels>;
  private readonly labels = {} as Record<Kind, Record<TokenCheckSource, Record<Outcome, Labels>>>;

  constructor(metrics: MetricsRegistry) {
    this.checks = metrics.counter({
      name: 'latchkey_token_checks_total',
      help: 'Bearer tokens checked, by kind, by where the answer came from (redis, postgres, none: refused on sight) and outcome',
      labelNames: ['kind', 'source', 'outcome'],
    });
    for (const kind of KINDS) {
      this.labels[kind] = {} as Record<TokenCheckSource, Record<Outcome, Labels>>;
      for (const source of SOURCES) {
        this.labels[kind][source] = { valid: { kind, source, outcome: 'valid' }, invalid: { kind, source, outcome: 'invalid' } };
        this.checks.inc(this.labels[kind][source].valid, 0);
        this.checks.inc(this.labels[kind][source].invalid, 0);
      }
    }
  }

  /** Counts a token let through, and returns what it was given. */
  valid<T>(kind: Kind, source: TokenCheckSource, credential: T): T {
    this.checks.inc(this.labels[kind][source].valid);
    return credential;
  }

  /** Counts a token refused; returns null, the verifier's answer. */
  invalid(kind: Kind, source: TokenCheckSource): null {
    this.checks.inc(this.labels[kind][source].invalid);
    return null;
  }
}
