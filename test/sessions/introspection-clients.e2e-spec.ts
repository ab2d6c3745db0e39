import * as oauth from 'openid-client';
import { TestStack } from '../support/test-stack.js';
import { openSession } from './open-session.js';

/**
 * RFC 7662 as off-the-shelf clients speak it: openid-client (which gateways and OAuth libraries
 * use) sends a form-encoded body and authenticates the client `service` by HTTP Basic or in the form.
 */
describe('token introspection by an RFC 7662 client library', () => {
  let stack: TestStack;
  let baseUrl = '';

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    baseUrl = await stack.listen();
  });
  afterAll(() => stack.close());

  function client(secret: string, method: 'basic' | 'post', clientId = 'service'): oauth.Configuration {
    const server = { issuer: baseUrl, introspection_endpoint: `${baseUrl}/v1/tokens/introspect` };
    const auth = method === 'basic' ? oauth.ClientSecretBasic(secret) : oauth.ClientSecretPost(secret);
    const configuration = new oauth.Configuration(server, clientId, undefined, auth);
    // The test API listens on plain loopback HTTP.
    oauth.allowInsecureRequests(configuration);
    return configuration;
  }

  it.each(['basic', 'post'] as const)('introspects an access token with client_secret_%s and a token_type_hint', async (method) => {
    const signedIn = await openSession(stack.api);
    const answer = await oauth.tokenIntrospection(client(stack.config.SERVICE_API_KEY, method), signedIn.accessToken, {
      token_type_hint: 'access_token',
    });
    expect({ ...answer }).toEqual({
      active: true,
      sub: signedIn.accountId,
      org: signedIn.organizationId,
      sid: signedIn.sessionId,
      token_type: 'access_token',
      exp: expect.any(Number),
      iat: expect.any(Number),
      jti: expect.any(String),
    });
  });

  it('answers exactly {"active": false} for a signed-out, a refresh and a malformed token', async () => {
    const signedIn = await openSession(stack.api);
    await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${signedIn.accessToken}`).expect(204);
    const configuration = client(stack.config.SERVICE_API_KEY, 'basic');
    for (const token of [signedIn.accessToken, signedIn.refreshToken, 'garbage']) {
      expect({ ...(await oauth.tokenIntrospection(configuration, token, { token_type_hint: 'refresh_token' })) }).toEqual({
        active: false,
      });
    }
  });

  it.each([
    ['a wrong secret by Basic', () => client('wrong-secret-wrong-secret', 'basic')],
    ['a wrong secret in the form', () => client('wrong-secret-wrong-secret', 'post')],
    ['the admin key', () => client(stack.config.ADMIN_API_KEY, 'basic')],
    ['the right secret under another client id', () => client(stack.config.SERVICE_API_KEY, 'basic', 'gateway')],
  ])('refuses %s: 401 invalid_client with WWW-Authenticate', async (_case, configuration) => {
    const { accessToken } = await openSession(stack.api);
    const refusal = await oauth.tokenIntrospection(configuration(), accessToken).then(
      () => undefined,
      (error: unknown) => error,
    );
    // The challenge comes first: the library reports it, with the response and its problem body.
    expect(refusal).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const { status, cause, response } = refusal as oauth.WWWAuthenticateChallengeError;
    expect(status).toBe(401);
    expect(cause.map((challenge) => [challenge.scheme, challenge.parameters.realm])).toEqual([
      ['basic', 'latchkey'],
      ['bearer', 'latchkey'],
    ]);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED', error: 'invalid_client' }));
  });

  it('takes the Bearer service key with a form body, and a JSON body with a token_type_hint', async () => {
    const { accessToken } = await openSession(stack.api);
    const service = `Bearer ${stack.config.SERVICE_API_KEY}`;
    const form = await stack
      .http()
      .post('/v1/tokens/introspect')
      .set('authorization', service)
      .type('form')
      .send({ token: accessToken, token_type_hint: 'access_token' })
      .expect(200);
    expect(form.body.active).toBe(true);
    const json = await stack
      .http()
      .post('/v1/tokens/introspect')
      .set('authorization', service)
      .send({ token: accessToken, token_type_hint: 'access_token' })
      .expect(200);
    expect(json.body.active).toBe(true);
  });

  it('refuses two authentication methods at once, a missing one, and a form for any other route', async () => {
    const { accessToken } = await openSession(stack.api);
    const basic = `Basic ${Buffer.from(`service:${stack.config.SERVICE_API_KEY}`).toString('base64')}`;
    const both = await stack
      .http()
      .post('/v1/tokens/introspect')
      .set('authorization', basic)
      .type('form')
      .send({ token: accessToken, client_id: 'service', client_secret: stack.config.SERVICE_API_KEY })
      .expect(401);
    expect(both.body).toEqual(expect.objectContaining({ code: 'UNAUTHENTICATED', error: 'invalid_client' }));
    const none = await stack.http().post('/v1/tokens/introspect').type('form').send({ token: accessToken }).expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic realm="latchkey"/);
    await stack.http().post('/v1/me/api-tokens').set('authorization', `Bearer ${accessToken}`).type('form').send({ name: 'x' }).expect(415);
  });
});
