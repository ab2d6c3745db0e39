/**
 * The types of the sessions module's public contract (`#libs/sessions`), defined here once: other
 * modules (identity's `AccountSessions` port, for one) import them instead of keeping a copy.
 */

/** Who is calling, as `AuthGuard` established it; read with `@CurrentPrincipal()`. */
export interface Principal {
  accountId: string;
  organizationId: string;
  /** The session of an access token; null for an API token. */
  sessionId: string | null;
  /** The API token used; null for an access token. */
  apiTokenId: string | null;
  /** The account's credential version the credential belongs to; an expiry advances the account's past it. */
  credentialVersion: number;
}

/** The answer of a sign-in and of a refresh (docs/api.md). */
export interface IssuedTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
}

/** What `SessionCommands.openSession` needs to open a session at sign-in. */
export interface OpenSessionInput {
  accountId: string;
  organizationId: string;
  clientIp: string;
  userAgent: string | null;
}

/** A bearer token found valid now, by the verifier of its kind. */
export interface VerifiedCredential {
  /** The kind's name, answered as `token_type` by introspection: `access_token`, `api_token`, … */
  kind: string;
  principal: Principal;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number | null;
  tokenId: string;
}

/**
 * The port of one kind of bearer token. A module adds a kind by declaring a provider that
 * implements it, marked `@TokenKind('<prefix>')`: the guard and introspection send it every token
 * that starts with that prefix. It answers null for a token it does not accept, never throws for
 * one, and never fails open.
 */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedCredential | null>;
}
