import { loadConfig } from '#libs/platform';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import { PollWakeups } from '../../ports/set-pusher.port.js';
import type { StreamTarget } from '../../ports/stream-directory.port.js';
import { InMemoryEventLog, InMemoryStreamDirectory, ReadableSetSigner } from '../../../infrastructure/testing/in-memory-event-log.js';
import { ManualClock } from '../../../infrastructure/testing/shared-signals-test-kit.js';
import { PendingSets } from './pending-sets.js';
import { PollEventsCommand } from './poll-events.command.js';
import { PollEventsHandler } from './poll-events.handler.js';

/** A wait of at most a second (as the real one re-reads PostgreSQL), after what `during` does (an event committed meanwhile). */
class ScriptedWakeups extends PollWakeups {
  waits: number[] = [];
  during: () => void = () => undefined;

  constructor(private readonly clock: ManualClock) {
    super();
  }

  async wait(_streamId: string, ms: number): Promise<void> {
    this.waits.push(ms);
    this.during();
    this.clock.advance(Math.min(ms, 1_000));
  }
}

describe('PollEventsHandler (RFC 8936)', () => {
  const config = loadConfig({ SSF_POLL_MAX_WAIT_SECONDS: '30' });
  const acme: StreamCaller = { kind: 'organization', organizationId: 'org-a', credentialId: 'c' };
  let clock: ManualClock;
  let log: InMemoryEventLog;
  let wakeups: ScriptedWakeups;
  let stream: { -readonly [K in keyof StreamTarget]: StreamTarget[K] };
  let handler: PollEventsHandler;

  beforeEach(() => {
    clock = new ManualClock();
    log = new InMemoryEventLog(clock);
    wakeups = new ScriptedWakeups(clock);
    stream = {
      streamId: 'p1',
      organizationId: 'org-a',
      audience: ['urn:rp'],
      eventsDelivered: [],
      delivery: { method: 'poll', endpointUrl: 'https://id.example.com/v1/shared-signals/poll/p1' },
      status: 'enabled',
    };
    const directory = new InMemoryStreamDirectory([
      stream,
      { ...stream, streamId: 'push', delivery: { method: 'push', endpointUrl: 'x', authorizationHeader: null } },
    ]);
    const pending = new PendingSets(clock, log, new ReadableSetSigner(), wakeups, { issuer: 'https://id.example.com' } as never);
    handler = new PollEventsHandler(config, directory, log, pending);
  });

  const poll = (
    overrides: Partial<{ maxEvents: number; returnImmediately: boolean; ack: string[]; setErrs: Record<string, { err: string }> }> = {},
    caller: StreamCaller = acme,
    streamId = 'p1',
  ) =>
    handler.execute(
      new PollEventsCommand(
        caller,
        streamId,
        overrides.maxEvents ?? 100,
        overrides.returnImmediately ?? true,
        overrides.ack ?? [],
        overrides.setErrs ?? {},
      ),
    );

  it('serves pending SETs in order, signed with iss and aud, again until acknowledged; moreAvailable beyond maxEvents', async () => {
    ['a', 'b', 'c'].forEach((jti) => log.add('p1', jti));
    const first = await poll({ maxEvents: 2 });
    expect(Object.keys(first.sets)).toEqual(['a', 'b']);
    expect(JSON.parse(first.sets.a)).toEqual({ iss: 'https://id.example.com', aud: 'urn:rp', jti: 'a' });
    expect(first.moreAvailable).toBe(true);
    expect(Object.keys((await poll({ maxEvents: 2 })).sets)).toEqual(['a', 'b']);
    const next = await poll({ maxEvents: 2, ack: ['a', 'b'], setErrs: {} });
    expect(next).toEqual({ sets: { c: expect.any(String) }, moreAvailable: false });
    await poll({ maxEvents: 0, setErrs: { c: { err: 'invalid_key' } } });
    expect(log.events.map((e) => [e.state, e.lastError])).toEqual([
      ['acknowledged', null],
      ['acknowledged', null],
      ['failed', 'invalid_key'],
    ]);
  });

  it('waits (long poll) until an event is appended, at most SSF_POLL_MAX_WAIT_SECONDS', async () => {
    wakeups.during = () => {
      if (wakeups.waits.length === 2) log.add('p1', 'late');
    };
    expect(Object.keys((await poll({ returnImmediately: false })).sets)).toEqual(['late']);
    expect(wakeups.waits).toEqual([30_000, 29_000]);
    wakeups.during = () => undefined;
    wakeups.waits = [];
    expect(await poll({ returnImmediately: false, ack: ['late'] })).toEqual({ sets: {}, moreAvailable: false });
    expect(wakeups.waits).toHaveLength(30); // 30 s, re-read every second
  });

  it('holds the SETs of a paused stream; another organization, a push stream or an unknown stream is not found', async () => {
    log.add('p1', 'a');
    stream.status = 'paused';
    expect(await poll()).toEqual({ sets: {}, moreAvailable: false });
    stream.status = 'enabled';
    await expect(poll({}, { kind: 'organization', organizationId: 'org-b', credentialId: 'x' })).rejects.toMatchObject({
      code: 'STREAM_NOT_FOUND',
    });
    await expect(poll({}, acme, 'push')).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    await expect(poll({}, acme, 'nope')).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    expect(Object.keys((await poll({}, { kind: 'admin' })).sets)).toEqual(['a']);
  });
});
