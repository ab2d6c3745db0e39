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

/** A server's requests per second under `load`, and its CPU per request (every thread, from /proc): steadier than throughput on a shared machine. */
export interface ServerLoad {
  perSecond: number;
  cpuUs: number;
  p99Ms: number;
}

/** `load`, with the CPU time `server` (a process id's /proc reader) spent meanwhile, per 2xx answer. */
export async function loadWithCpu(server: { cpuMs(): number }, options: Options, what: string): Promise<ServerLoad> {
  const before = server.cpuMs();
  const result = await load(options);
  if (result.ok === 0 || result.failed > result.ok * 0.01) {
    throw new Error(
      `${what}: ${result.ok} ok, ${result.failed} failed (status codes ${JSON.stringify({ '4xx': result.raw['4xx'], '5xx': result.raw['5xx'] })})`,
    );
  }
  return { perSecond: result.okPerSecond, cpuUs: ((server.cpuMs() - before) * 1000) / result.ok, p99Ms: result.p99Ms };
}
