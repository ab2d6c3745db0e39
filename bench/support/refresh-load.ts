import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ChainLoadResult {
  /** Rotations answered 200 per second of the run. */
  okPerSecond: number;
  ok: number;
  failed: number;
  /** The chains that broke (an answer other than 200, or no answer): their last token may be spent. */
  broken: number;
}

interface Answer {
  status: number;
  text: string;
}

function post(agent: Agent, url: URL, body: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
}

/**
 * `POST {baseUrl}/v1/auth/refresh` `{refreshToken}` on one kept-alive connection per chain, one request
 * at a time, each with the refresh token the previous answer returned (what autocannon cannot do: a
 * refresh token is single use), for `seconds`. `chains` holds each chain's current token and is
 * updated in place, so the next run continues where this one stopped; a chain that got anything but
 * a 200 stops and is set to null (its token may have been spent), to be started again by the caller.
 */
export async function refreshLoad(baseUrl: string, chains: Array<string | null>, seconds: number): Promise<ChainLoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:/.test(baseUrl)) throw new Error('benchmark load goes to 127.0.0.1 only');
  const url = new URL('/v1/auth/refresh', baseUrl);
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + Math.min(seconds, 30) * 1000;
  await Promise.all(
    chains.map(async (first, index) => {
      if (first === null) return;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      let token = first;
      try {
        while (performance.now() < deadline) {
          const answer = await post(agent, url, JSON.stringify({ refreshToken: token }));
          const next = answer.status === 200 ? (JSON.parse(answer.text) as { refreshToken?: unknown }).refreshToken : undefined;
          if (typeof next !== 'string') {
            failed += 1;
            chains[index] = null;
            return;
          }
          ok += 1;
          token = next;
          chains[index] = next;
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { okPerSecond: ok / elapsed, ok, failed, broken: chains.filter((chain) => chain === null).length };
}
