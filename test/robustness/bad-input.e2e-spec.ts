import fc from 'fast-check';
import type { Response } from 'supertest';
import { databaseFingerprint } from '../support/database-fingerprint.js';
import { adminAuth, createAccount, createOrganization, signIn, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { type Operation, operationsOf, placeholderBody, wrongTypeValues } from './openapi-operations.js';

/**
 * docs/api.md#errors for every operation of the OpenAPI document: malformed, mistyped, incomplete,
 * oversized and odd input gets a 4xx problem JSON with a stable code, never a 5xx, a stack
 * trace or an echoed secret — and a request refused as invalid changes no row.
 */
const ODD_STRINGS = ['\u0000\u0007\u001b[2J', '\ud800', 'a\udfffb', '\u202eevil\u202c', 'x'.repeat(5_000), '𝓤𝓷𝓲𝓬𝓸𝓭𝓮 😀', ' '];
const SECRET_FIELDS = /password|token|secret/i;
const tally = { requests: 0, operations: 0 };

describe('bad input on every endpoint', () => {
  let stack: TestStack;
  let account: TestAccount;
  let accessToken = '';
  let operations: Operation[];

  beforeAll(async () => {
    stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } });
    operations = operationsOf((await stack.http().get('/docs-json').expect(200)).body);
    const organization = await createOrganization(stack);
    account = await createAccount(stack, organization);
    accessToken = (await signIn(stack, account)).accessToken;
  });
  afterAll(async () => {
    await stack?.close();
    console.log(`robustness: ${tally.requests} bad requests over ${tally.operations} operations, none answered 5xx`);
  });

  function concretePath(path: string): string {
    return path.replace('{organization}', account.organization).replace('{id}', '00000000-0000-4000-8000-000000000000');
  }

  function authorization(path: string): string {
    if (path.startsWith('/v1/tokens/')) return `Bearer ${stack.config.SERVICE_API_KEY}`;
    if (path.startsWith('/v1/organizations') && !path.endsWith('/password-policy')) return adminAuth(stack);
    return `Bearer ${accessToken}`;
  }

  function send(operation: Operation, body: string, contentType = 'application/json'): Promise<Response> {
    tally.requests++;
    return stack
      .http()
      [operation.method](concretePath(operation.path))
      .set('authorization', authorization(operation.path))
      .set('content-type', contentType)
      .send(body);
  }

  function expectCleanAnswer(response: Response, secrets: string[] = []): void {
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toEqual(expect.objectContaining({ status: response.status, code: expect.stringMatching(/^[A-Z_]+$/) }));
    }
    expect(response.text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    for (const secret of secrets.filter((s) => s.length >= 8)) expect(response.text).not.toContain(secret);
  }

  it('covers the whole API', () => {
    const bodies = operations.filter((o) => o.body).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(bodies).toEqual(expect.arrayContaining(['POST /v1/auth/sign-in', 'POST /v1/password-resets/confirm', 'POST /v1/me/password']));
  });

  it('refuses malformed, mistyped, incomplete and unknown-field bodies with 400 and changes nothing', async () => {
    for (const operation of operations.filter((o) => o.body)) {
      tally.operations++;
      const before = await databaseFingerprint(stack.config.DATABASE_URL);
      const base = placeholderBody(operation.body);
      const properties = Object.entries(operation.body?.properties ?? {});
      const required = operation.body?.required ?? [];
      const broken = fc.oneof(
        fc.constantFrom('{"a":', '[1,2', 'nul', '{"x": undefined}', '\u0000', '{"a":1}{"b":2}').map((text) => text),
        fc.constantFrom('null', '[]', '"text"', '42', 'true', '[{}]').map((text) => text),
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((k) => !(k in base) && k !== '__proto__')
          .map((key) => JSON.stringify({ ...base, [key]: 'x' })),
        // Object machinery: class-transformer passes these names over, so they once slipped past the whitelist.
        fc
          .constantFrom('constructor', 'prototype', 'toString', 'hasOwnProperty', '__proto__')
          .map((key) => `${JSON.stringify(base).slice(0, -1)}${Object.keys(base).length ? ',' : ''}"${key}":"x"}`),
        fc.constant(JSON.stringify({ ...base, deep: JSON.parse('{"a":'.repeat(60) + '1' + '}'.repeat(60)) })),
        ...(required.length ? [fc.constantFrom(...required).map((field) => JSON.stringify({ ...base, [field]: undefined }))] : []),
        ...(properties.length
          ? [
              fc
                .constantFrom(...properties)
                .chain(([name, schema]) =>
                  fc
                    .constantFrom(...wrongTypeValues(schema, required.includes(name)))
                    .map((value) => JSON.stringify({ ...base, [name]: value })),
                ),
            ]
          : []),
      );
      await fc.assert(
        fc.asyncProperty(broken, async (body) => {
          const response = await send(operation, body);
          expectCleanAnswer(response);
          expect([400, 401, 403, 404, 413]).toContain(response.status);
        }),
        { numRuns: 40 },
      );
      expect({ operation: `${operation.method} ${operation.path}`, rows: await databaseFingerprint(stack.config.DATABASE_URL) }).toEqual({
        operation: `${operation.method} ${operation.path}`,
        rows: before,
      });
    }
  });

  it('answers odd strings (control characters, lone surrogates, RTL marks, 5,000 characters) without a 5xx or an echoed secret', async () => {
    for (const operation of operations.filter((o) => o.body)) {
      const base = placeholderBody(operation.body);
      for (const [name, schema] of Object.entries(operation.body?.properties ?? {})) {
        if (schema.type && schema.type !== 'string') continue;
        for (const odd of ODD_STRINGS) {
          const response = await send(operation, JSON.stringify({ ...base, [name]: odd }));
          expectCleanAnswer(response, SECRET_FIELDS.test(name) ? [odd] : []);
        }
      }
    }
  });

  it('refuses non-JSON content types with 415 and bodies over 16 KiB with 413', async () => {
    for (const operation of operations.filter((o) => o.body)) {
      for (const [text, type] of [
        ['a=1', 'application/x-www-form-urlencoded'],
        ['hello', 'text/plain'],
        ['<a/>', 'application/xml'],
      ]) {
        const wrongType = await send(operation, text, type);
        expectCleanAnswer(wrongType);
        // Introspection also takes the form encoding RFC 7662 prescribes, where `a` is an unknown field.
        const formAllowed = operation.path === '/v1/tokens/introspect' && type === 'application/x-www-form-urlencoded';
        expect(wrongType.status).toBe(formAllowed ? 400 : 415);
      }
      const huge = await send(operation, JSON.stringify({ padding: 'x'.repeat(17 * 1024) }));
      expectCleanAnswer(huge);
      expect(huge.status).toBe(413);
    }
  });

  it('answers odd path parameters without a 5xx', async () => {
    const odd = ['not-a-uuid', '%00', '..%2F..%2Fetc', 'A'.repeat(300), '%E2%80%AE', '%F0%9F%98%80'];
    for (const operation of operations.filter((o) => o.path.includes('{'))) {
      for (const value of odd) {
        tally.requests++;
        const path = operation.path.replace(/\{[^}]+\}/g, value);
        const response = await stack.http()[operation.method](path).set('authorization', authorization(operation.path)).send();
        expectCleanAnswer(response);
      }
    }
  });
});
