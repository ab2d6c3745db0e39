import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, CREDENTIAL_CHANGE, SESSION_REVOKED, SUPPORTED_EVENT_TYPES } from '#libs/shared-signals';
import { adminAuth } from '../support/fixtures.js';
import type { TestStack } from '../support/test-stack.js';

export { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, CREDENTIAL_CHANGE, SESSION_REVOKED };
export const PUSH = 'urn:ietf:rfc:8935';
export const POLL = 'urn:ietf:rfc:8936';
export const STREAMS = '/v1/shared-signals/streams';
/** The issuer of the SETs in these tests (PUBLIC_URL). */
export const ISSUER = 'https://id.example.com';

/** What a SET says, once its signature and claims are checked. */
export interface SetClaims extends JWTPayload {
  jti: string;
  iat: number;
  txn?: string;
  sub_id: Record<string, unknown>;
  events: Record<string, Record<string, unknown>>;
}

export interface VerifiedSet {
  raw: string;
  claims: SetClaims;
  /** The one event type of the SET. */
  type: string;
  event: Record<string, unknown>;
}

/**
 * Verifies SETs as a receiver does: the signature against the transmitter's JWKS fetched over HTTP
 * (jose's createRemoteJWKSet), `typ: secevent+jwt`, `iss`, `aud`, and the claims RFC 8417 and SSF 1.0
 * require (`iat`, `jti`, `sub_id`, exactly one event).
 */
export class SetVerifier {
  private readonly jwks;

  constructor(apiUrl: string) {
    this.jwks = createRemoteJWKSet(new URL(`${apiUrl}/v1/shared-signals/jwks`));
  }

  async verify(raw: string, audience: string): Promise<VerifiedSet> {
    expect(decodeProtectedHeader(raw)).toMatchObject({ typ: 'secevent+jwt', alg: expect.any(String), kid: expect.any(String) });
    const { payload } = await jwtVerify(raw, this.jwks, { issuer: ISSUER, audience, typ: 'secevent+jwt' });
    const claims = payload as SetClaims;
    expect(claims).toMatchObject({
      jti: expect.any(String),
      iat: expect.any(Number),
      sub_id: expect.any(Object),
      events: expect.any(Object),
    });
    expect(claims.exp).toBeUndefined(); // RFC 8417 §2.2: a SET is not a token
    const types = Object.keys(claims.events);
    expect(types).toHaveLength(1);
    return { raw, claims, type: types[0], event: claims.events[types[0]] };
  }
}

type Answer = { status: number; body?: unknown };

/**
 * An RFC 8935 push receiver on a loopback port: it checks the request's media type and authorization,
 * keeps every SET it accepted (in arrival order) and answers as `answer` says (202 by default).
 */
export class PushReceiver {
  /** Every SET received, accepted or not. */
  readonly attempts: string[] = [];
  /** The SETs answered with 202, in order. */
  readonly accepted: string[] = [];
  answer: (set: string) => Answer = () => ({ status: 202 });
  private constructor(
    private readonly server: Server,
    readonly authorization: string,
  ) {}

  static async start(authorization = `Bearer receiver-${Math.random().toString(36).slice(2)}`): Promise<PushReceiver> {
    const holder: { receiver?: PushReceiver } = {};
    const server = createServer((request, response) => void holder.receiver!.handle(request, response));
    holder.receiver = new PushReceiver(server, authorization);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return holder.receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/ssf/events`;
  }

  /** The push stream's `aud`: the endpoint's origin. */
  get audience(): string {
    return new URL(this.url).origin;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const set = Buffer.concat(chunks).toString();
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/secevent+jwt') {
      response.writeHead(415).end();
      return;
    }
    if (request.headers.authorization !== this.authorization) {
      response.writeHead(401).end();
      return;
    }
    this.attempts.push(set);
    const { status, body } = this.answer(set);
    if (status === 202) this.accepted.push(set);
    response
      .writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
      .end(body === undefined ? undefined : JSON.stringify(body));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A stream of `organization` with the administration key, subscribed to the whole organization. */
export async function createStream(
  stack: TestStack,
  organization: string,
  delivery: { method: string; endpoint_url?: string; authorization_header?: string },
  events: readonly string[] = SUPPORTED_EVENT_TYPES,
): Promise<{ stream_id: string; aud: string | string[]; delivery: { endpoint_url: string } }> {
  const created = await stack
    .http()
    .post(STREAMS)
    .set('authorization', adminAuth(stack))
    .send({ organization, delivery, events_requested: events })
    .expect(201);
  await stack
    .http()
    .post(`${STREAMS}/subjects/add`)
    .set('authorization', adminAuth(stack))
    .send({ stream_id: created.body.stream_id, subject: { format: 'complex', tenant: { format: 'opaque', id: organization } } })
    .expect(200);
  return created.body;
}

export function pushStream(stack: TestStack, organization: string, receiver: PushReceiver, events?: readonly string[]) {
  return createStream(
    stack,
    organization,
    { method: PUSH, endpoint_url: receiver.url, authorization_header: receiver.authorization },
    events,
  );
}

export async function setStatus(stack: TestStack, streamId: string, status: 'enabled' | 'paused' | 'disabled'): Promise<void> {
  await stack.http().post(`${STREAMS}/status`).set('authorization', adminAuth(stack)).send({ stream_id: streamId, status }).expect(200);
}
