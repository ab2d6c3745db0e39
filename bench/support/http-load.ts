import autocannon, { type Options, type Result } from 'autocannon';

export interface LoadResult {
  /** Successful (2xx) answers per second. */
  okPerSecond: number;
  ok: number;
  failed: number;
  p99Ms: number;
  raw: Result;
}

/** One bounded autocannon run against 127.0.0.1; only 2xx answers count as work done. */
export async function load(options: Options): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:/.test(options.url)) throw new Error('benchmark load goes to 127.0.0.1 only');
  const raw = await autocannon({ timeout: 10, ...options, duration: Math.min(options.duration ?? 5, 30) });
  const ok = raw['2xx'];
  return { okPerSecond: ok / raw.duration, ok, failed: raw.non2xx + raw.errors + raw.timeouts, p99Ms: raw.latency.p99, raw };
}
