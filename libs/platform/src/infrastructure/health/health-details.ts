import { Injectable } from '@nestjs/common';

/** Facts a module adds to `GET /health` under its own name; they inform, and never make the answer 503. */
export type HealthDetailSource = () => Promise<Record<string, unknown>>;

/**
 * Where a module registers what `/health` reports about it beyond PostgreSQL and Redis (Shared
 * Signals: how many streams' receivers keep failing). A source that throws is reported as such.
 */
@Injectable()
export class HealthDetails {
  private readonly sources = new Map<string, HealthDetailSource>();

  register(name: string, source: HealthDetailSource): void {
    this.sources.set(name, source);
  }

  entries(): Array<[string, HealthDetailSource]> {
    return [...this.sources];
  }
}
