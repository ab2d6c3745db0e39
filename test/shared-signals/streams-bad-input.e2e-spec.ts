import type { Response } from 'supertest';
import { databaseFingerprint } from '../support/database-fingerprint.js';
import { adminAuth, createAccount, createOrganization } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { type Operation, operationsOf, placeholderBody, wrongTypeValues } from '../robustness/openapi-operations.js';

const PUSH = 'urn:ietf:rfc:8935';
const STREAMS = '/v1/shared-signals/streams';

/**
 * docs/api.md#errors for the Shared Signals endpoints, called with credentials that are allowed: every
 * malformed, mistyped or meaningless input answers a 4xx problem JSON with a stable code, never echoes
 * the authorization header, and changes no row.
 */
describe('Shared Signals: bad input on every endpoint', () => {
  let stack: TestStack;
  let operations: Operation[];
  let organization: string;
  let streamId: string;
  let accountId: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false', SSF_MIN_VERIFICATION_INTERVAL_SECONDS: '0' } });
    const all = operationsOf((await stack.http().get('/docs-json').expect(200)).body);
    operations = all.filter((o) => o.path.includes('shared-signals') && !o.path.includes('/poll'));
    organization = await createOrganization(stack);
    accountId = (await createAccount(stack, organization)).id;
    const created = await stack
      .http()
      .post(STREAMS)
      .set('authorization', adminAuth(stack))
      .send({
        organization,
        delivery: { method: PUSH, endpoint_url: 'https://rp.example.com/events', authorization_header: 'Bearer hush-hush-secret' },
      })
      .expect(201);
    streamId = created.body.stream_id;
  });
  afterAll(() => stack?.close());

  function expectProblem(response: Response, what: string): void {
    expect({ what, status: response.status }).toEqual({ what, status: expect.any(Number) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(expect.objectContaining({ status: response.status, code: expect.stringMatching(/^[A-Z_]+$/) }));
    expect(response.text).not.toContain('hush-hush-secret');
  }

  const path = (operation: Operation) =>
    operation.path.replace('{organization}', organization).replace('{id}', '00000000-0000-4000-8000-000000000000');

  function send(operation: Operation, body: unknown, query: Record<string, string> = {}): Promise<Response> {
    return stack
      .http()
      [operation.method](path(operation))
      .query(query)
      .set('authorization', adminAuth(stack))
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
  }

  it('covers every stream, key and credential endpoint', () => {
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      expect.arrayContaining([
        `POST ${STREAMS}`,
        `GET ${STREAMS}`,
        `PATCH ${STREAMS}`,
        `PUT ${STREAMS}`,
        `DELETE ${STREAMS}`,
        `GET ${STREAMS}/status`,
        `POST ${STREAMS}/status`,
        `POST ${STREAMS}/subjects/add`,
        `POST ${STREAMS}/subjects/remove`,
        `POST ${STREAMS}/verify`,
        'POST /v1/shared-signals/keys/rotate',
        'POST /v1/organizations/{organization}/shared-signals/credentials',
        'DELETE /v1/organizations/{organization}/shared-signals/credentials/{id}',
      ]),
    );
  });

  it('refuses mistyped, incomplete and unknown-field bodies, and unauthenticated calls, and changes nothing', async () => {
    const before = await databaseFingerprint(stack.config.DATABASE_URL);
    for (const operation of operations.filter((o) => o.body)) {
      const base = { ...placeholderBody(operation.body), ...(operation.body?.properties?.stream_id ? { stream_id: streamId } : {}) };
      const required = operation.body?.required ?? [];
      const bodies: unknown[] = [
        null,
        [],
        'text',
        { ...base, unknown_field: 'x' },
        ...required.map((field) => ({ ...base, [field]: undefined })),
      ];
      for (const [name, schema] of Object.entries(operation.body?.properties ?? {})) {
        for (const value of wrongTypeValues(schema, required.includes(name))) bodies.push({ ...base, [name]: value });
      }
      for (const body of bodies) {
        const response = await send(operation, body);
        // A property whose wrong type another shape accepts (aud: string or array) may pass: never with a 5xx.
        if (response.status < 300) continue;
        expectProblem(response, `${operation.method} ${operation.path} ${JSON.stringify(body)}`);
      }
      const anonymous = await stack.http()[operation.method](path(operation)).send(base);
      expectProblem(anonymous, `${operation.method} ${operation.path} without credentials`);
      expect(anonymous.status).toBe(401);
    }
    expect(await databaseFingerprint(stack.config.DATABASE_URL)).toEqual(before);
  });

  it('refuses meaningless stream configurations, subjects, statuses and ids with a stable code, and changes nothing', async () => {
    const before = await databaseFingerprint(stack.config.DATABASE_URL);
    const admin = adminAuth(stack);
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      [
        'unknown delivery method',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization, delivery: { method: 'urn:x' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'push without endpoint',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization, delivery: { method: PUSH } }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'http push endpoint',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization, delivery: { method: PUSH, endpoint_url: 'http://rp.example.com/x' } }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'relative push endpoint',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization, delivery: { method: PUSH, endpoint_url: '/x' } }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'header injection',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({
              organization,
              delivery: { method: PUSH, endpoint_url: 'https://rp.example.com/x', authorization_header: 'a\r\nb: c' },
            }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'event type no URI',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization, delivery: { method: 'urn:ietf:rfc:8936' }, events_requested: ['nope'] }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'no organization',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ delivery: { method: 'urn:ietf:rfc:8936' } }),
        400,
        'ORGANIZATION_REQUIRED',
      ],
      [
        'unknown organization',
        () =>
          stack
            .http()
            .post(STREAMS)
            .set('authorization', admin)
            .send({ organization: 'no-such-org', delivery: { method: 'urn:ietf:rfc:8936' } }),
        404,
        'ORGANIZATION_NOT_FOUND',
      ],
      [
        'iss that does not match',
        () => stack.http().patch(STREAMS).set('authorization', admin).send({ stream_id: streamId, iss: 'https://evil.example' }),
        400,
        'INVALID_STREAM_CONFIGURATION',
      ],
      [
        'unknown stream',
        () => stack.http().get(STREAMS).query({ stream_id: '00000000-0000-4000-8000-000000000000' }).set('authorization', admin),
        404,
        'STREAM_NOT_FOUND',
      ],
      [
        'stream id that is no uuid',
        () => stack.http().delete(STREAMS).query({ stream_id: 'not-a-uuid' }).set('authorization', admin),
        404,
        'STREAM_NOT_FOUND',
      ],
      ['delete without stream id', () => stack.http().delete(STREAMS).set('authorization', admin), 400, 'VALIDATION_FAILED'],
      ['status without stream id', () => stack.http().get(`${STREAMS}/status`).set('authorization', admin), 400, 'VALIDATION_FAILED'],
      [
        'unknown status',
        () => stack.http().post(`${STREAMS}/status`).set('authorization', admin).send({ stream_id: streamId, status: 'stopped' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unknown subject format',
        () =>
          stack
            .http()
            .post(`${STREAMS}/subjects/add`)
            .set('authorization', admin)
            .send({ stream_id: streamId, subject: { format: 'phone_number', phone_number: '+1' } }),
        400,
        'INVALID_SUBJECT',
      ],
      [
        'opaque id no account id',
        () =>
          stack
            .http()
            .post(`${STREAMS}/subjects/add`)
            .set('authorization', admin)
            .send({ stream_id: streamId, subject: { format: 'opaque', id: 'x' } }),
        400,
        'INVALID_SUBJECT',
      ],
      [
        'tenant of another organization',
        () =>
          stack
            .http()
            .post(`${STREAMS}/subjects/add`)
            .set('authorization', admin)
            .send({ stream_id: streamId, subject: { format: 'complex', tenant: { format: 'opaque', id: 'globex' } } }),
        400,
        'INVALID_SUBJECT',
      ],
      [
        'subject of an unknown stream',
        () =>
          stack
            .http()
            .post(`${STREAMS}/subjects/add`)
            .set('authorization', admin)
            .send({ stream_id: '00000000-0000-4000-8000-000000000000', subject: { format: 'opaque', id: accountId } }),
        404,
        'STREAM_NOT_FOUND',
      ],
      [
        'verify an unknown stream',
        () =>
          stack.http().post(`${STREAMS}/verify`).set('authorization', admin).send({ stream_id: '00000000-0000-4000-8000-000000000000' }),
        404,
        'STREAM_NOT_FOUND',
      ],
      [
        'credential of an unknown organization',
        () => stack.http().post('/v1/organizations/no-such-org/shared-signals/credentials').set('authorization', admin).send({ name: 'x' }),
        404,
        'ORGANIZATION_NOT_FOUND',
      ],
      [
        'credential with an empty name',
        () =>
          stack.http().post(`/v1/organizations/${organization}/shared-signals/credentials`).set('authorization', admin).send({ name: '' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'revoke an unknown credential',
        () => stack.http().delete(`/v1/organizations/${organization}/shared-signals/credentials/not-a-uuid`).set('authorization', admin),
        404,
        'STREAM_CREDENTIAL_NOT_FOUND',
      ],
      [
        'a stream credential on the keys',
        () => stack.http().post('/v1/shared-signals/keys/rotate').set('authorization', 'Bearer lkssf_guess'),
        401,
        'UNAUTHENTICATED',
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const response = await call();
      expectProblem(response, what);
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status, code });
    }
    expect(await databaseFingerprint(stack.config.DATABASE_URL)).toEqual(before);
  });
});
