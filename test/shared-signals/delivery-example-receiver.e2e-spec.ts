import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSsfReceiver } from '../../examples/ssf-receiver/receiver.js';
import { eventually } from '../support/eventually.js';
import { createAccount, createOrganization, signIn, strongPassword } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { ISSUER, PUSH, createStream } from './delivery-receivers.js';

/** docs/shared-signals.md#an-example-receiver: the example receiver, as the doc shows it, fed by the real transmitter. */
describe('The example Shared Signals receiver', () => {
  let stack: TestStack;
  let server: Server;
  let endpoint: string;
  const dropped: string[] = [];
  const authorization = 'Bearer example-receiver-secret';

  beforeAll(async () => {
    stack = await TestStack.start({ env: { PUBLIC_URL: ISSUER } });
    const apiUrl = await stack.listen();
    let audience = '';
    server = createSsfReceiver({
      issuer: ISSUER,
      jwksUri: `${apiUrl}/v1/shared-signals/jwks`,
      get audience() {
        return audience;
      },
      authorization,
      dropSession: async (sessionId) => void dropped.push(`session:${sessionId}`),
      dropUser: async (accountId) => void dropped.push(`user:${accountId}`),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ssf`;
    audience = new URL(endpoint).origin;
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('verifies the SETs it is pushed and drops the sessions they name: one on sign-out, all of the user on a password change', async () => {
    const organization = await createOrganization(stack);
    await createStream(stack, organization, { method: PUSH, endpoint_url: endpoint, authorization_header: authorization });
    const account = await createAccount(stack, organization);
    const [first, second] = [await signIn(stack, account), await signIn(stack, account)];
    await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${first.accessToken}`).expect(204);
    await eventually(() => dropped.includes(`session:${first.sessionId}`), 'the signed-out session dropped');
    await stack
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${second.accessToken}`)
      .send({ currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: false })
      .expect(204);
    await eventually(() => dropped.includes(`user:${account.id}`) && dropped.includes(`session:${second.sessionId}`), 'the change');
    expect(dropped).toEqual([`session:${first.sessionId}`, `user:${account.id}`, `session:${second.sessionId}`]);
  });

  it('refuses a SET it cannot verify (400 invalid_key) and a caller without the stream’s authorization (401)', async () => {
    const forged = `${Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'secevent+jwt' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ iss: ISSUER, jti: 'x', events: {} }),
    ).toString('base64url')}.c2lnbmF0dXJl`;
    const post = (headers: Record<string, string>) => fetch(endpoint, { method: 'POST', headers, body: forged });
    const refused = await post({ authorization, 'content-type': 'application/secevent+jwt' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ err: 'invalid_key' });
    expect((await post({ authorization: 'Bearer wrong', 'content-type': 'application/secevent+jwt' })).status).toBe(401);
  });
});
