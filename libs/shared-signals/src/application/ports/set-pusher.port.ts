export type PushOutcome =
  /** 202 (or 200): the receiver has the SET. */
  | { readonly kind: 'delivered' }
  /** 400 with an RFC 8935 `err`: this SET will never be accepted as it is. */
  | { readonly kind: 'rejected'; readonly error: string }
  /** Anything else (401, 403, 404, 429, 5xx, a timeout, no connection): try again later. */
  | { readonly kind: 'retry'; readonly error: string };

/** Pushes one signed SET to a receiver (RFC 8935). */
export abstract class SetPusher {
  abstract push(endpointUrl: string, authorizationHeader: string | null, set: string): Promise<PushOutcome>;
}

/** Wakes a long poll (RFC 8936, returnImmediately false) when its stream may have new events. */
export abstract class PollWakeups {
  /** Resolves when `streamId` gets an event, or after at most `ms`. */
  abstract wait(streamId: string, ms: number): Promise<void>;
}
