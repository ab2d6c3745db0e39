import { POLL_METHOD, PUSH_METHOD, SUPPORTED_EVENT_TYPES } from './event-types.js';
import { pushEndpointProblem } from './push-endpoint.js';
import { InvalidStreamConfigurationError } from './shared-signals.errors.js';

export type StreamStatus = 'enabled' | 'paused' | 'disabled';
export const STREAM_STATUSES: readonly StreamStatus[] = ['enabled', 'paused', 'disabled'];

/** How event delivery reaches the stream (the `delivery` of the StreamDirectory port). */
export type StreamDelivery =
  | { readonly method: 'push'; readonly endpointUrl: string; readonly authorizationHeader: string | null }
  | { readonly method: 'poll'; readonly endpointUrl: string };
export const STREAM_LIMITS = {
  eventsRequested: 64,
  eventTypeLength: 512,
  audiences: 10,
  audienceLength: 512,
  description: 1000,
  reason: 500,
};

/** The delivery a receiver asks for (SSF 1.0 §8.1.1): method URN, push endpoint and its Authorization header. */
export interface RequestedDelivery {
  readonly method: string;
  readonly endpointUrl?: string;
  /** Absent on a PATCH: the stored header is kept. */
  readonly authorizationHeader?: string;
}

/** The receiver-supplied properties of a stream; on create and PUT an absent one takes its default. */
export interface ReceiverConfiguration {
  readonly delivery?: RequestedDelivery;
  readonly eventsRequested?: readonly string[];
  readonly description?: string;
  readonly audience?: readonly string[];
}

export interface StreamRules {
  readonly allowHttpPush: boolean;
}

/** What the transmitter stores of a push delivery; a poll stream's endpoint is assigned, not stored. */
export type StoredDelivery =
  { readonly method: 'push'; readonly endpointUrl: string; readonly authorizationHeader: string | null } | { readonly method: 'poll' };

export interface StreamState {
  readonly id: string;
  readonly organizationId: string;
  /** Null: the default audience (see `Stream.audience`). */
  audience: readonly string[] | null;
  eventsRequested: readonly string[];
  delivery: StoredDelivery;
  description: string | null;
  status: StreamStatus;
  statusReason: string | null;
  readonly createdAt: Date;
  updatedAt: Date;
  verificationRequestedAt: Date | null;
}

type FieldErrors = Array<{ field: string; message: string }>;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
// Header injection: no CR, LF or other control characters in a value sent as an HTTP header.
const HEADER_VALUE = /^[\x20-\x7e]+$/;
const TEXT = /^[^\u0000-\u001f\u007f]*$/;

function checkDelivery(delivery: RequestedDelivery, rules: StreamRules, errors: FieldErrors): void {
  if (delivery.method === PUSH_METHOD) {
    if (delivery.endpointUrl === undefined) errors.push({ field: 'delivery.endpoint_url', message: 'is required for push delivery' });
    else {
      const problem = pushEndpointProblem(delivery.endpointUrl, rules.allowHttpPush);
      if (problem) errors.push({ field: 'delivery.endpoint_url', message: problem });
    }
    const header = delivery.authorizationHeader;
    if (header !== undefined && (header.length > 4096 || !HEADER_VALUE.test(header))) {
      errors.push({ field: 'delivery.authorization_header', message: 'must be 1 to 4096 printable ASCII characters' });
    }
  } else if (delivery.method === POLL_METHOD) {
    if (delivery.authorizationHeader !== undefined) {
      errors.push({ field: 'delivery.authorization_header', message: 'is for push delivery only' });
    }
  } else {
    errors.push({ field: 'delivery.method', message: `must be ${PUSH_METHOD} (push) or ${POLL_METHOD} (poll)` });
  }
}

function checkConfiguration(config: ReceiverConfiguration, rules: StreamRules): void {
  const errors: FieldErrors = [];
  if (config.delivery) checkDelivery(config.delivery, rules, errors);
  const events = config.eventsRequested ?? [];
  if (events.length > STREAM_LIMITS.eventsRequested) errors.push({ field: 'events_requested', message: 'may list at most 64 event types' });
  if (events.some((e) => e.length > STREAM_LIMITS.eventTypeLength || !URI.test(e))) {
    errors.push({ field: 'events_requested', message: 'must list event type URIs of at most 512 characters' });
  }
  const audience = config.audience ?? [];
  if (config.audience !== undefined && (audience.length === 0 || audience.length > STREAM_LIMITS.audiences)) {
    errors.push({ field: 'aud', message: 'must name 1 to 10 audiences' });
  }
  if (audience.some((a) => a.length === 0 || a.length > STREAM_LIMITS.audienceLength || !TEXT.test(a))) {
    errors.push({ field: 'aud', message: 'must be strings of 1 to 512 characters without control characters' });
  }
  if (config.description !== undefined && config.description.length > STREAM_LIMITS.description) {
    errors.push({ field: 'description', message: 'must be at most 1000 characters' });
  }
  if (errors.length > 0) throw new InvalidStreamConfigurationError(errors);
}

function storedDelivery(requested: RequestedDelivery, previous: StoredDelivery | null): StoredDelivery {
  if (requested.method === POLL_METHOD) return { method: 'poll' };
  const keptHeader = previous?.method === 'push' ? previous.authorizationHeader : null;
  return {
    method: 'push',
    endpointUrl: requested.endpointUrl as string,
    authorizationHeader: requested.authorizationHeader === undefined ? keptHeader : requested.authorizationHeader,
  };
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** A stream of one organization (SSF 1.0 §8): how its SETs are delivered, which it wants, and its status. */
export class Stream {
  private constructor(private readonly state: StreamState) {}

  static create(id: string, organizationId: string, config: ReceiverConfiguration, rules: StreamRules, now: Date): Stream {
    if (!config.delivery) throw new InvalidStreamConfigurationError([{ field: 'delivery', message: 'is required' }]);
    checkConfiguration(config, rules);
    return new Stream({
      id,
      organizationId,
      audience: config.audience ? unique(config.audience) : null,
      eventsRequested: unique(config.eventsRequested ?? []),
      delivery: storedDelivery({ ...config.delivery, authorizationHeader: config.delivery.authorizationHeader }, null),
      description: config.description ?? null,
      status: 'enabled',
      statusReason: null,
      createdAt: now,
      updatedAt: now,
      verificationRequestedAt: null,
    });
  }

  static restore(state: StreamState): Stream {
    return new Stream({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  get organizationId(): string {
    return this.state.organizationId;
  }

  get status(): StreamStatus {
    return this.state.status;
  }

  get statusReason(): string | null {
    return this.state.statusReason;
  }

  get description(): string | null {
    return this.state.description;
  }

  get eventsRequested(): readonly string[] {
    return this.state.eventsRequested;
  }

  /** requested ∩ supported, in the order supported. */
  get eventsDelivered(): string[] {
    return SUPPORTED_EVENT_TYPES.filter((type) => this.state.eventsRequested.includes(type));
  }

  get storedDelivery(): StoredDelivery {
    return this.state.delivery;
  }

  get explicitAudience(): readonly string[] | null {
    return this.state.audience;
  }

  /** The `aud` of its SETs: as the receiver asked, else the push endpoint's origin, else a URN naming the stream. */
  get audience(): string[] {
    if (this.state.audience) return [...this.state.audience];
    const delivery = this.state.delivery;
    return delivery.method === 'push' ? [new URL(delivery.endpointUrl).origin] : [`urn:latchkey:ssf:stream:${this.state.id}`];
  }

  /** The delivery as event delivery sees it; `pollUrl` is the endpoint assigned to a poll stream. */
  delivery(pollUrl: string): StreamDelivery {
    const delivery = this.state.delivery;
    return delivery.method === 'push' ? { ...delivery } : { method: 'poll', endpointUrl: pollUrl };
  }

  get createdAt(): Date {
    return this.state.createdAt;
  }

  get updatedAt(): Date {
    return this.state.updatedAt;
  }

  get verificationRequestedAt(): Date | null {
    return this.state.verificationRequestedAt;
  }

  /** PATCH: the properties given replace the stored ones; a push delivery without `authorization_header` keeps the stored header. */
  update(config: ReceiverConfiguration, rules: StreamRules, now: Date): void {
    checkConfiguration(config, rules);
    if (config.delivery) this.state.delivery = storedDelivery(config.delivery, this.state.delivery);
    if (config.eventsRequested) this.state.eventsRequested = unique(config.eventsRequested);
    if (config.description !== undefined) this.state.description = config.description;
    if (config.audience) this.state.audience = unique(config.audience);
    this.state.updatedAt = now;
  }

  /** PUT: every receiver-supplied property is replaced; one left out takes its default (no header, no events, no description). */
  replace(config: ReceiverConfiguration, rules: StreamRules, now: Date): void {
    if (!config.delivery) throw new InvalidStreamConfigurationError([{ field: 'delivery', message: 'is required' }]);
    checkConfiguration(config, rules);
    this.state.delivery = storedDelivery({ ...config.delivery, authorizationHeader: config.delivery.authorizationHeader }, null);
    this.state.eventsRequested = unique(config.eventsRequested ?? []);
    this.state.description = config.description ?? null;
    this.state.audience = config.audience ? unique(config.audience) : null;
    this.state.updatedAt = now;
  }

  /** SSF 1.0 §8.1.2.2: enabled, paused (events are held) or disabled (events are dropped), with an optional reason. */
  changeStatus(status: StreamStatus, reason: string | null, now: Date): void {
    if (!STREAM_STATUSES.includes(status))
      throw new InvalidStreamConfigurationError([{ field: 'status', message: 'must be enabled, paused or disabled' }]);
    if (reason !== null && (reason.length > STREAM_LIMITS.reason || !TEXT.test(reason))) {
      throw new InvalidStreamConfigurationError([
        { field: 'reason', message: 'must be at most 500 characters without control characters' },
      ]);
    }
    this.state.status = status;
    this.state.statusReason = reason;
    this.state.updatedAt = now;
  }

  /** The seconds to wait before verification may be asked again, or 0 (then the request is recorded). */
  requestVerification(now: Date, minIntervalSeconds: number): number {
    const last = this.state.verificationRequestedAt;
    const waitMs = last === null ? 0 : last.getTime() + minIntervalSeconds * 1000 - now.getTime();
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    this.state.verificationRequestedAt = now;
    return 0;
  }

  snapshot(): StreamState {
    return { ...this.state };
  }
}
