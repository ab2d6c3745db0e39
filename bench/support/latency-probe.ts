import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sleep } from './child-service.js';

/**
 * Sends `GET url` one at a time, every `intervalMs`, until `until` settles; returns each
 * answer's latency in ms (only 200s, unless `anyStatus`). One kept-alive connection: what a
 * load balancer's health check sees.
 */
export async function probeLatency(
  url: string,
  until: Promise<unknown>,
  intervalMs = 50,
  anyStatus = false,
): Promise<{ latencies: number[]; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  let failures = 0;
  while (!done) {
    const started = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
    const elapsed = performance.now() - started;
    if (status === 200 || (anyStatus && status > 0)) latencies.push(elapsed);
    else failures += 1;
    await sleep(Math.max(0, intervalMs - elapsed));
  }
  agent.destroy();
  return { latencies, failures };
}
