import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { Client } from 'pg';
import { SetSigner } from '#libs/shared-signals';
import { adminAuth } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

/**
 * docs/shared-signals.md#discovery and #signing-keys: the transmitter's metadata, and SETs that a receiver
 * verifies against the JWKS it fetched over HTTP, across a rotation and on two API instances.
 */
describe('Shared Signals discovery and signing keys', () => {
  let stack: TestStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { SSF_KEY_ACTIVATION_DELAY_SECONDS: '0', PUBLIC_URL: 'https://id.example.com/' } });
    await stack.startApi();
    baseUrl = await stack.listen();
  });
  afterAll(() => stack?.close());

  const signer = (instance = 0) => stack.apis[instance].get(SetSigner);
  const verifier = () => createRemoteJWKSet(new URL(`${baseUrl}/v1/shared-signals/jwks`), { cooldownDuration: 0 });
  const claims = () => ({
    iss: 'https://id.example.com',
    aud: 'https://rp.example.com',
    jti: crypto.randomUUID(),
    iat: Math.floor(Date.now() / 1000),
  });

  it('publishes SSF 1.0 transmitter metadata under the issuer, with no path', async () => {
    const response = await stack.http().get('/.well-known/ssf-configuration').expect(200);
    const issuer = 'https://id.example.com';
    expect(response.body).toEqual({
      spec_version: '1_0',
      issuer,
      jwks_uri: `${issuer}/v1/shared-signals/jwks`,
      delivery_methods_supported: ['urn:ietf:rfc:8935', 'urn:ietf:rfc:8936'],
      configuration_endpoint: `${issuer}/v1/shared-signals/streams`,
      status_endpoint: `${issuer}/v1/shared-signals/streams/status`,
      add_subject_endpoint: `${issuer}/v1/shared-signals/streams/subjects/add`,
      remove_subject_endpoint: `${issuer}/v1/shared-signals/streams/subjects/remove`,
      verification_endpoint: `${issuer}/v1/shared-signals/streams/verify`,
      authorization_schemes: [{ spec_urn: 'urn:ietf:rfc:6750' }],
      default_subjects: 'NONE',
    });
  });

  it('signs SETs (typ secevent+jwt, RS256, 2048-bit key) that verify against the JWKS fetched over HTTP, on every instance alike', async () => {
    const set = await signer(0).sign(claims());
    const header = decodeProtectedHeader(set);
    expect(header).toEqual({ alg: 'RS256', typ: 'secevent+jwt', kid: expect.any(String) });
    const { payload, protectedHeader } = await jwtVerify(set, verifier(), { typ: 'secevent+jwt', algorithms: ['RS256'] });
    expect(payload.aud).toBe('https://rp.example.com');
    expect(protectedHeader.kid).toBe(header.kid);
    expect(decodeProtectedHeader(await signer(1).sign(claims())).kid).toBe(header.kid);
    const jwks = (await stack.http().get('/v1/shared-signals/jwks').expect(200)).body as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', kid: header.kid, alg: 'RS256', use: 'sig', e: 'AQAB' })]);
    expect(Buffer.from(jwks.keys[0].n, 'base64url').length * 8).toBeGreaterThanOrEqual(2048);
    expect(JSON.stringify(jwks)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);
  });

  it('stores the private key encrypted, never as PEM', async () => {
    const client = new Client({ connectionString: stack.config.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ private_key: string }>('select private_key from ssf_signing_keys');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.private_key).not.toMatch(/PRIVATE KEY/);
        expect(row.private_key.split('.')).toHaveLength(5);
      }
    } finally {
      await client.end();
    }
  });

  it('rotates on the administrator request: the new key signs, and the old kid stays in the JWKS so earlier SETs still verify', async () => {
    const before = await signer(0).sign(claims());
    const oldKid = decodeProtectedHeader(before).kid;
    await stack.http().post('/v1/shared-signals/keys/rotate').expect(401);
    const rotated = await stack.http().post('/v1/shared-signals/keys/rotate').set('authorization', adminAuth(stack)).expect(201);
    expect(rotated.body).toEqual(expect.objectContaining({ kid: expect.any(String), alg: 'RS256', dropsAt: null }));
    expect(rotated.body.kid).not.toBe(oldKid);

    const after = await signer(0).sign(claims());
    expect(decodeProtectedHeader(after).kid).toBe(rotated.body.kid);
    const jwks = (await stack.http().get('/v1/shared-signals/jwks').expect(200)).body as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.body.kid].sort());
    const keySet = verifier();
    await jwtVerify(before, keySet);
    await jwtVerify(after, keySet);

    const keys = await stack.http().get('/v1/shared-signals/keys').set('authorization', adminAuth(stack)).expect(200);
    const old = keys.body.find((k: { kid: string }) => k.kid === oldKid);
    expect(old).toEqual(expect.objectContaining({ state: 'retired', dropsAt: expect.any(String) }));
    expect(new Date(old.dropsAt).getTime() - Date.now()).toBeGreaterThan(13 * 86400_000);
  });

  it('answers every key and discovery endpoint with problem JSON when the administration key is missing', async () => {
    for (const [method, path] of [
      ['get', '/v1/shared-signals/keys'],
      ['post', '/v1/shared-signals/keys/rotate'],
    ] as const) {
      const response = await stack.http()[method](path).set('authorization', 'Bearer lkssf_wrong');
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });
});
