/** How a stream receives its events. */
export type StreamDelivery =
  | { readonly method: 'push'; readonly endpointUrl: string; readonly authorizationHeader: string | null }
  | { readonly method: 'poll'; readonly endpointUrl: string };

export type StreamStatus = 'enabled' | 'paused' | 'disabled';

/** A stream as event production and delivery need it. */
export interface StreamTarget {
  readonly streamId: string;
  readonly organizationId: string;
  /** The `aud` of its SETs. */
  readonly audience: readonly string[];
  /** Event type URIs the stream delivers (requested ∩ supported). */
  readonly eventsDelivered: readonly string[];
  readonly delivery: StreamDelivery;
  readonly status: StreamStatus;
}

/** The streams known to the transmitter (implemented over PostgreSQL). */
export abstract class StreamDirectory {
  /**
   * The streams of the organization that must receive an event of `eventType` about `accountId`
   * (null: about the organization itself): status enabled or paused (a paused stream holds its
   * events), the account or its whole organization among its subjects, the type among its events.
   */
  abstract targetsFor(organizationId: string, accountId: string | null, eventType: string): Promise<StreamTarget[]>;
  abstract find(streamId: string): Promise<StreamTarget | null>;
}
