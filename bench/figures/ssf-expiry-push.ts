import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep, waitUntil } from '../support/child-service.js';
import { SEED_PASSWORD, seedEmail } from '../support/seed.js';
import { percentile } from '../support/stats.js';
import { type BenchContext, type FigureResult, format, type Goal, judge, notMeasured } from './figure.js';

const FIGURE = "Expiry → Shared Signals push receiver's 202 (10 streams)";
const COMPARED = '— (ratio to the 1 s limit)';
const GOAL: Goal = { op: '<=', value: 1, text: 'p95 < 1 s' };
export const SSF_EXPIRY_PUSH = { figure: FIGURE, comparedWith: COMPARED, goal: GOAL };
const STREAMS = 10;
const EXPIRIES = 30;
const FIRST_ACCOUNT = 800; // u800 to u859: sessions only; their passwords never change
const SPACING_MS = 200;
const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';

/** Receives every stream's SETs (path /r{n}) and notes when each session-revoked arrived, by stream and session. */
class Receiver {
  readonly arrivals = new Map<string, number>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const at = Date.now();
        const set = Buffer.concat(chunks).toString();
        const claims = JSON.parse(Buffer.from(set.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
          sub_id?: { session?: { id?: string } };
        };
        const session = claims.sub_id?.session?.id;
        if (session) receiver.arrivals.set(`${request.url}:${session}`, at);
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(stream: number): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/r${stream}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Ten push streams of the organization, subscribed to all of it, receive a session-revoked SET when
 * an administrator expires an account's sessions (`POST …/expire-sessions`, one session each). For
 * each expiry and stream: the time from the expiry's 204 to the receiver's 202 (a SET that arrived
 * before the client read the 204 counts as 0 ms). The same expiries before the streams exist give the
 * 204's latency without them: what appending the SETs costs the expiry.
 */
export async function measureSsfExpiryPush(context: BenchContext): Promise<FigureResult> {
  const { main, run } = context;
  if (!main) return notMeasured(FIGURE, COMPARED, GOAL, 'identity endpoints not available');
  const client = main.api.client;
  const receiver = await Receiver.start();
  try {
    const accounts = async (first: number) => {
      const list: Array<{ id: string; sessionId: string }> = [];
      for (let i = 0; i < EXPIRIES; i += 1) {
        const { accessToken, sessionId } = await client.signIn(main.organization, seedEmail(first + i), SEED_PASSWORD);
        const me = await client.expect<{ id: string }>(200, 'GET', '/v1/me', undefined, accessToken);
        list.push({ id: me.id, sessionId });
      }
      return list;
    };
    const expire = async (account: { id: string }) => {
      const started = performance.now();
      await client.admin(204, 'POST', `/v1/organizations/${main.organization}/accounts/${account.id}/expire-sessions`);
      return { answeredAt: Date.now(), took: performance.now() - started };
    };
    const without: number[] = []; // the first of each phase is a warm-up
    for (const account of await accounts(FIRST_ACCOUNT + EXPIRIES)) {
      without.push((await expire(account)).took);
      await sleep(SPACING_MS);
    }
    for (let stream = 0; stream < STREAMS; stream += 1) {
      const created = await client.admin<{ stream_id: string }>(201, 'POST', '/v1/shared-signals/streams', {
        organization: main.organization,
        delivery: {
          method: 'urn:ietf:rfc:8935',
          endpoint_url: receiver.url(stream),
          authorization_header: `Bearer bench-${run.id}-${stream}`,
        },
        events_requested: [SESSION_REVOKED],
      });
      await client.admin(200, 'POST', '/v1/shared-signals/streams/subjects/add', {
        stream_id: created.stream_id,
        subject: { format: 'complex', tenant: { format: 'opaque', id: main.organization } },
      });
    }
    const subscribed = await accounts(FIRST_ACCOUNT);
    const answered: Array<{ sessionId: string; answeredAt: number }> = [];
    const withStreams: number[] = [];
    for (const account of subscribed) {
      const { answeredAt, took } = await expire(account);
      answered.push({ sessionId: account.sessionId, answeredAt });
      withStreams.push(took);
      await sleep(SPACING_MS);
    }
    const expected = answered.length * STREAMS;
    await waitUntil(() => receiver.arrivals.size >= expected, 30_000, 'every SET').catch(() => undefined);
    const latencies = answered
      .slice(1)
      .flatMap(({ sessionId, answeredAt }) =>
        Array.from({ length: STREAMS }, (_, stream) => receiver.arrivals.get(`/r${stream}:${sessionId}`)).flatMap((at) =>
          at === undefined ? [] : [Math.max(0, at - answeredAt)],
        ),
      );
    const missing = (answered.length - 1) * STREAMS - latencies.length;
    const p95 = percentile(latencies, 95);
    const ratio = missing > 0 ? Number.POSITIVE_INFINITY : p95 / 1000;
    return {
      figure: FIGURE,
      measured: `p50 ${format(percentile(latencies, 50))} ms, p95 ${format(p95)} ms`,
      comparedWith: COMPARED,
      ratio,
      goal: GOAL,
      met: judge(ratio, GOAL),
      notes: [
        `${EXPIRIES} expiries one every ${SPACING_MS} ms (the first a warm-up), ${STREAMS} push streams subscribed to the whole organization: ${latencies.length} SETs timed${missing ? `; ${missing} not received within 30 s` : ''}`,
        `the expiry's 204 without streams: p50 ${format(percentile(without.slice(1), 50), 1)} ms, p95 ${format(percentile(without.slice(1), 95), 1)} ms; with ${STREAMS} streams (${STREAMS} SETs appended in its transaction): p50 ${format(percentile(withStreams.slice(1), 50), 1)} ms, p95 ${format(percentile(withStreams.slice(1), 95), 1)} ms`,
      ],
    };
  } finally {
    await receiver.close();
  }
}
