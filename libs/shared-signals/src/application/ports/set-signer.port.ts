/** Signs Security Event Tokens (RFC 8417) with the transmitter's current key. */
export abstract class SetSigner {
  /** A compact JWS with header `typ: secevent+jwt`, `alg` and the `kid` of a key served in the JWKS. */
  abstract sign(claims: Record<string, unknown>): Promise<string>;
}
