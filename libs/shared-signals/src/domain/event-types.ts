/** Event type URIs of the CAEP 1.0, RISC and SSF 1.0 specifications that Latchkey transmits. */
export const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
export const CREDENTIAL_CHANGE = 'https://schemas.openid.net/secevent/caep/event-type/credential-change';
export const ACCOUNT_CREDENTIAL_CHANGE_REQUIRED = 'https://schemas.openid.net/secevent/risc/event-type/account-credential-change-required';

/** Stream-level events: sent whatever the stream requested (SSF 1.0 §8.1.4, §8.1.5). */
export const VERIFICATION = 'https://schemas.openid.net/secevent/ssf/event-type/verification';
export const STREAM_UPDATED = 'https://schemas.openid.net/secevent/ssf/event-type/stream-updated';

/** What a receiver may request: a stream's `events_supported`. */
export const SUPPORTED_EVENT_TYPES: readonly string[] = Object.freeze([
  SESSION_REVOKED,
  CREDENTIAL_CHANGE,
  ACCOUNT_CREDENTIAL_CHANGE_REQUIRED,
]);

/** The delivery method URNs of SSF 1.0 §6.1. */
export const PUSH_METHOD = 'urn:ietf:rfc:8935';
export const POLL_METHOD = 'urn:ietf:rfc:8936';
export const DELIVERY_METHODS = [PUSH_METHOD, POLL_METHOD] as const;
export type DeliveryMethodUrn = (typeof DELIVERY_METHODS)[number];

/** The poll endpoint the transmitter assigns to a poll stream (RFC 8936), under the issuer. */
export function pollEndpointUrl(issuer: string, streamId: string): string {
  return `${issuer}/v1/shared-signals/poll/${streamId}`;
}
