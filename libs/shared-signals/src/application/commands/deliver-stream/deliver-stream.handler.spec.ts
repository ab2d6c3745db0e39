import { loadConfig } from '#libs/platform';
import type { StreamTarget } from '../../ports/stream-directory.port.js';
import {
  InMemoryEventLog,
  InMemoryStreamDirectory,
  ReadableSetSigner,
  RecordingSetPusher,
} from '../../../infrastructure/testing/in-memory-event-log.js';
import { ManualClock } from '../../../infrastructure/testing/shared-signals-test-kit.js';
import { DeliverStreamCommand } from './deliver-stream.command.js';
import { DeliverStreamHandler } from './deliver-stream.handler.js';
import { StreamPush } from './stream-push.js';

describe('DeliverStreamHandler (push, RFC 8935)', () => {
  const config = loadConfig({ SSF_RETRY_BASE_MS: '1000', SSF_RETRY_MAX_DELAY_SECONDS: '8', SSF_EVENT_MAX_AGE_HOURS: '1' });
  let clock: ManualClock;
  let log: InMemoryEventLog;
  let pusher: RecordingSetPusher;
  let stream: { -readonly [K in keyof StreamTarget]: StreamTarget[K] };
  let handler: DeliverStreamHandler;

  beforeEach(() => {
    clock = new ManualClock();
    log = new InMemoryEventLog(clock);
    pusher = new RecordingSetPusher();
    stream = {
      streamId: 's1',
      organizationId: 'org-1',
      audience: ['https://rp.example.com'],
      eventsDelivered: [],
      delivery: { method: 'push', endpointUrl: 'https://rp.example.com/events', authorizationHeader: 'Bearer rp' },
      status: 'enabled',
    };
    const directory = new InMemoryStreamDirectory([stream, { ...stream, streamId: 's2' }]);
    const push = new StreamPush(config, clock, directory, log, new ReadableSetSigner(), pusher, {
      issuer: 'https://id.example.com',
    } as never);
    handler = new DeliverStreamHandler(log, push);
  });

  const deliver = (streamId = 's1') => handler.execute(new DeliverStreamCommand(streamId));
  const pushedJtis = () => pusher.pushed.map((p) => p.claims.jti);

  it('pushes the pending events in order, signed with iss and the stream aud, to its endpoint with its Authorization header', async () => {
    log.add('s1', 'a', { txn: 't' });
    log.add('s2', 'other');
    log.add('s1', 'b');
    await deliver();
    expect(pusher.pushed).toEqual([
      {
        endpointUrl: stream.delivery.endpointUrl,
        authorizationHeader: 'Bearer rp',
        claims: { iss: 'https://id.example.com', aud: 'https://rp.example.com', jti: 'a', txn: 't' },
      },
      {
        endpointUrl: stream.delivery.endpointUrl,
        authorizationHeader: 'Bearer rp',
        claims: { iss: 'https://id.example.com', aud: 'https://rp.example.com', jti: 'b' },
      },
    ]);
    expect(log.events.map((e) => e.state)).toEqual(['delivered', 'pending', 'delivered']);
    expect(log.leases.size).toBe(0);
  });

  it('holds the next event while the head is retried with exponential backoff (capped), the same jti each time', async () => {
    log.add('s1', 'a');
    log.add('s1', 'b');
    pusher.answer = () => ({ kind: 'retry', error: 'HTTP 503' });
    await deliver();
    expect(pushedJtis()).toEqual(['a']);
    expect(log.events[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'HTTP 503',
      nextAttemptAt: new Date(clock.now().getTime() + 1000),
    });
    await deliver(); // not due yet: nothing is pushed
    expect(pushedJtis()).toEqual(['a']);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.current = log.events[0].nextAttemptAt;
      await deliver();
      delays.push(log.events[0].nextAttemptAt.getTime() - clock.now().getTime());
    }
    expect(delays).toEqual([2000, 4000, 8000, 8000]);
    pusher.answer = () => ({ kind: 'delivered' });
    clock.current = log.events[0].nextAttemptAt;
    await deliver();
    expect(pushedJtis()).toEqual(['a', 'a', 'a', 'a', 'a', 'a', 'b']);
    expect(log.events.map((e) => e.state)).toEqual(['delivered', 'delivered']);
  });

  it('records a SET the receiver refuses (400 with an err) as failed, and goes on with the next', async () => {
    log.add('s1', 'a');
    log.add('s1', 'b');
    pusher.answer = (claims) => (claims.jti === 'a' ? { kind: 'rejected', error: 'invalid_audience' } : { kind: 'delivered' });
    await deliver();
    expect(log.events.map((e) => [e.state, e.lastError])).toEqual([
      ['failed', 'invalid_audience'],
      ['delivered', null],
    ]);
  });

  it('gives an event up once it is older than SSF_EVENT_MAX_AGE_HOURS, so one dead receiver does not hold its stream for ever', async () => {
    log.add('s1', 'a');
    log.add('s1', 'b');
    pusher.answer = (claims) => (claims.jti === 'a' ? { kind: 'retry', error: 'HTTP 503' } : { kind: 'delivered' });
    clock.advance(3_600_001);
    await deliver();
    expect(log.events.map((e) => e.state)).toEqual(['failed', 'delivered']);
    expect(log.events[0].lastError).toMatch(/^given up after 1 attempts: HTTP 503/);
  });

  it('holds the events of a paused stream, delivers them once enabled; a disabled stream drops them', async () => {
    log.add('s1', 'a');
    stream.status = 'paused';
    await deliver();
    expect(pusher.pushed).toEqual([]);
    expect(log.parked.get('s1')).toBe(2_000); // the sweeper looks again within 2 s
    stream.status = 'enabled';
    await deliver();
    expect(pushedJtis()).toEqual(['a']);
    log.add('s1', 'b');
    stream.status = 'disabled';
    await deliver();
    expect(log.events[1]).toMatchObject({ state: 'failed', lastError: 'stream disabled' });
  });

  it('leaves a stream to the holder of its lease, which goes once more for what was appended meanwhile', async () => {
    log.add('s1', 'a');
    await log.lease('s1'); // another process is delivering s1
    await deliver();
    expect(pusher.pushed).toEqual([]);
    expect(log.leases.get('s1')).toEqual({ rerun: true });
    await expect(log.release('s1')).resolves.toBe(false); // the holder is told to go once more
  });
});
