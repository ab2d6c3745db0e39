import { POLL_METHOD, PUSH_METHOD, SESSION_REVOKED } from './event-types.js';
import { InvalidStreamConfigurationError } from './shared-signals.errors.js';
import { Stream } from './stream.aggregate.js';

const rules = { allowHttpPush: false };
const now = new Date('2026-12-01T10:00:00Z');
const push = { method: PUSH_METHOD, endpointUrl: 'https://rp.example.com/ssf', authorizationHeader: 'Bearer s3cret' };

describe('Stream', () => {
  it('delivers what was requested and is supported, to the push endpoint, with the origin as default audience', () => {
    const stream = Stream.create('s1', 'o1', { delivery: push, eventsRequested: [SESSION_REVOKED, 'urn:example:unknown'] }, rules, now);
    expect(stream.eventsDelivered).toEqual([SESSION_REVOKED]);
    expect(stream.audience).toEqual(['https://rp.example.com']);
    expect(stream.delivery('unused')).toEqual({ method: 'push', endpointUrl: push.endpointUrl, authorizationHeader: 'Bearer s3cret' });
    expect(stream.status).toBe('enabled');
  });

  it('gives a poll stream the assigned endpoint and refuses an authorization header for it', () => {
    const stream = Stream.create('s1', 'o1', { delivery: { method: POLL_METHOD } }, rules, now);
    expect(stream.delivery('https://id.example.com/poll/s1')).toEqual({ method: 'poll', endpointUrl: 'https://id.example.com/poll/s1' });
    expect(() => Stream.create('s1', 'o1', { delivery: { method: POLL_METHOD, authorizationHeader: 'x' } }, rules, now)).toThrow(
      InvalidStreamConfigurationError,
    );
  });

  it.each([
    ['no delivery', {}],
    ['an unknown method', { delivery: { method: 'urn:example:carrier-pigeon' } }],
    ['push without an endpoint', { delivery: { method: PUSH_METHOD } }],
    ['a plain-http endpoint', { delivery: { ...push, endpointUrl: 'http://rp.example.com/ssf' } }],
    ['a header with a line break', { delivery: { ...push, authorizationHeader: 'Bearer a\r\nX-Evil: 1' } }],
    ['an event type that is no URI', { delivery: push, eventsRequested: ['not a uri'] }],
    ['an empty audience', { delivery: push, audience: [] }],
  ])('refuses %s', (_case, config) => {
    expect(() => Stream.create('s1', 'o1', config, rules, now)).toThrow(InvalidStreamConfigurationError);
  });

  it('PATCH keeps the stored header when the delivery is sent back without it; PUT drops what is left out', () => {
    const stream = Stream.create('s1', 'o1', { delivery: push, eventsRequested: [SESSION_REVOKED], description: 'rp' }, rules, now);
    stream.update({ delivery: { method: PUSH_METHOD, endpointUrl: 'https://rp.example.com/v2' } }, rules, now);
    expect(stream.delivery('')).toEqual({ method: 'push', endpointUrl: 'https://rp.example.com/v2', authorizationHeader: 'Bearer s3cret' });
    expect(stream.eventsDelivered).toEqual([SESSION_REVOKED]);
    stream.replace({ delivery: { method: PUSH_METHOD, endpointUrl: 'https://rp.example.com/v3' } }, rules, now);
    expect(stream.delivery('')).toEqual({ method: 'push', endpointUrl: 'https://rp.example.com/v3', authorizationHeader: null });
    expect(stream.eventsDelivered).toEqual([]);
    expect(stream.description).toBeNull();
  });

  it('changes status with a reason, and refuses an unknown status', () => {
    const stream = Stream.create('s1', 'o1', { delivery: push }, rules, now);
    stream.changeStatus('paused', 'maintenance', now);
    expect([stream.status, stream.statusReason]).toEqual(['paused', 'maintenance']);
    expect(() => stream.changeStatus('stopped' as never, null, now)).toThrow(InvalidStreamConfigurationError);
  });

  it('allows verification once per interval', () => {
    const stream = Stream.create('s1', 'o1', { delivery: push }, rules, now);
    expect(stream.requestVerification(now, 15)).toBe(0);
    expect(stream.requestVerification(new Date(now.getTime() + 5_000), 15)).toBe(10);
    expect(stream.requestVerification(new Date(now.getTime() + 15_000), 15)).toBe(0);
  });
});
