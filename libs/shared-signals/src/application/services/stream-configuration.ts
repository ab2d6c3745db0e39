import { DELIVERY_METHODS, POLL_METHOD, PUSH_METHOD, pollEndpointUrl, SUPPORTED_EVENT_TYPES } from '../../domain/event-types.js';
import type { Stream } from '../../domain/stream.aggregate.js';

/** A stream as SSF 1.0 §8.1.1 describes it to its receiver; the push authorization header is never shown. */
export interface StreamConfiguration {
  stream_id: string;
  iss: string;
  aud: string | string[];
  delivery: { method: (typeof DELIVERY_METHODS)[number]; endpoint_url: string };
  events_supported: string[];
  events_requested: string[];
  events_delivered: string[];
  description?: string;
  min_verification_interval: number;
}

export function toStreamConfiguration(stream: Stream, issuer: string, minVerificationInterval: number): StreamConfiguration {
  const delivery = stream.delivery(pollEndpointUrl(issuer, stream.id));
  const audience = stream.audience;
  return {
    stream_id: stream.id,
    iss: issuer,
    aud: audience.length === 1 ? audience[0] : audience,
    delivery: { method: delivery.method === 'push' ? PUSH_METHOD : POLL_METHOD, endpoint_url: delivery.endpointUrl },
    events_supported: [...SUPPORTED_EVENT_TYPES],
    events_requested: [...stream.eventsRequested],
    events_delivered: stream.eventsDelivered,
    ...(stream.description === null ? {} : { description: stream.description }),
    min_verification_interval: minVerificationInterval,
  };
}

export interface StreamStatusView {
  stream_id: string;
  status: string;
  reason?: string;
}

export function toStreamStatus(stream: Stream): StreamStatusView {
  return { stream_id: stream.id, status: stream.status, ...(stream.statusReason === null ? {} : { reason: stream.statusReason }) };
}

/** Transmitter-supplied properties a receiver may send back on PATCH or PUT: each must match (SSF 1.0 §8.1.1.3). */
export interface EchoedProperties {
  readonly iss?: string;
  readonly eventsSupported?: readonly string[];
  readonly eventsDelivered?: readonly string[];
  readonly minVerificationInterval?: number;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

export function echoMismatches(current: StreamConfiguration, echoed: EchoedProperties): Array<{ field: string; message: string }> {
  const mismatches: Array<{ field: string; message: string }> = [];
  const differs = (field: string) => mismatches.push({ field, message: 'is set by the transmitter; send it unchanged or leave it out' });
  if (echoed.iss !== undefined && echoed.iss !== current.iss) differs('iss');
  if (echoed.eventsSupported && !sameSet(echoed.eventsSupported, current.events_supported)) differs('events_supported');
  if (echoed.eventsDelivered && !sameSet(echoed.eventsDelivered, current.events_delivered)) differs('events_delivered');
  if (echoed.minVerificationInterval !== undefined && echoed.minVerificationInterval !== current.min_verification_interval) {
    differs('min_verification_interval');
  }
  return mismatches;
}
