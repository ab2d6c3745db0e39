import { createServer, type Server } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const SESSION_REVOKED = 'https://schemas.openid.net/secevent/caep/event-type/session-revoked';
const CREDENTIAL_CHANGE = 'https://schemas.openid.net/secevent/caep/event-type/credential-change';
const CHANGE_REQUIRED = 'https://schemas.openid.net/secevent/risc/event-type/account-credential-change-required';

interface SubjectIds {
  user?: { id?: string };
  session?: { id?: string };
}

export interface ReceiverOptions {
  issuer: string; // Latchkey's PUBLIC_URL: the SETs' iss
  jwksUri: string; // jwks_uri of {issuer}/.well-known/ssf-configuration
  audience: string; // the stream's aud
  authorization: string; // the authorization_header given when the stream was created
  dropSession(sessionId: string): Promise<void>; // the `sid` of Latchkey's access tokens
  dropUser(accountId: string): Promise<void>; // their `sub`
}

/** An RFC 8935 push endpoint: verifies each SET, drops the sessions it names, answers 202. */
export function createSsfReceiver(options: ReceiverOptions): Server {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const seen = new Set<string>(); // delivery is at least once: a jti seen before is acknowledged again
  return createServer(async (request, response) => {
    const answer = (status: number, err?: string) =>
      response.writeHead(status, err ? { 'content-type': 'application/json' } : {}).end(err ? JSON.stringify({ err }) : undefined);
    if (request.headers.authorization !== options.authorization) return answer(401);
    if (request.headers['content-type'] !== 'application/secevent+jwt') return answer(400, 'invalid_request');
    let body = '';
    for await (const chunk of request) body += chunk;
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(body, jwks, { issuer: options.issuer, audience: options.audience, typ: 'secevent+jwt' }));
    } catch {
      return answer(400, 'invalid_key');
    }
    const {
      jti,
      sub_id: subject,
      events,
    } = claims as { jti: string; sub_id?: SubjectIds; events: Record<string, { credential_type?: string }> };
    if (seen.has(jti)) return answer(202);
    const [sessionId, accountId] = [subject?.session?.id, subject?.user?.id];
    // A session ended: drop it. A new password, or one required: drop every session of the user.
    if (events[SESSION_REVOKED] && sessionId) await options.dropSession(sessionId);
    else if ((events[CREDENTIAL_CHANGE]?.credential_type === 'password' || events[CHANGE_REQUIRED]) && accountId)
      await options.dropUser(accountId);
    seen.add(jti);
    answer(202);
  });
}
