import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConsoleHarness } from '../console/console-browser.js';
import { adminAuth, createAccount, createOrganization, signIn, type TestAccount } from '../support/fixtures.js';

/**
 * docs/api.md#bodies-are-json-only: bodies are JSON only, so a plain HTML form on another web site — which a browser posts
 * without a CORS preflight — cannot sign in (a counted failure, a drive-by lockout) or request
 * resets (mail spam). Where an e-mail is expected, a value that is not one answers 400.
 */
describe('JSON-only bodies and e-mail validation', () => {
  let harness: ConsoleHarness;
  let account: TestAccount;
  let attacker: Server;
  let attackerOrigin = '';

  beforeAll(async () => {
    harness = await ConsoleHarness.start({ RATE_LIMIT_ENABLED: 'false' });
    account = await createAccount(harness.stack, await createOrganization(harness.stack));
    // The other web site: "localhost" is another site than the API's 127.0.0.1, whatever the port.
    attacker = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(
        `<!doctype html><form id="f" method="post" action="${harness.baseUrl}/v1/auth/sign-in">` +
          `<input name="organization" value="${account.organization}"><input name="email" value="${account.email}">` +
          `<input name="password" value="Wrong-by-form-1!"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await harness?.close();
    attacker?.closeAllConnections();
    if (attacker) await new Promise((resolve) => attacker.close(resolve));
  });

  const http = () => harness.stack.http();
  const credentials = (password: string) => ({ organization: account.organization, email: account.email, password });

  it('answers a cross-site HTML form sign-in, submitted by Chromium, 415 without counting a failed entry', async () => {
    const { page } = harness;
    const answered = page.waitForResponse((response) => response.url() === `${harness.baseUrl}/v1/auth/sign-in`);
    await page.goto(attackerOrigin);
    const response = await answered;
    expect(response.request().headers()['content-type']).toBe('application/x-www-form-urlencoded');
    expect(response.status()).toBe(415);
    expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }));

    // Had the form counted, the fourth wrong password below would be the fifth failure and lock the account.
    for (let failure = 1; failure <= 4; failure += 1)
      await http()
        .post('/v1/auth/sign-in')
        .send(credentials(`Wrong-${failure}-Pw!`))
        .expect(401);
    await http().post('/v1/auth/sign-in').send(credentials(account.password)).expect(200);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'organization=o&email=a%40example.com'],
    ['text/plain', '{"organization":"o","email":"a@example.com"}'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.com\r\n--x--\r\n'],
  ])('answers a %s reset request 415 problem JSON', async (type, body) => {
    const response = await http().post('/v1/password-resets').set('content-type', type).send(body).expect(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(expect.objectContaining({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }));
  });

  it('still serves requests without a body: a POST sign-out, a DELETE, a GET', async () => {
    const first = await signIn(harness.stack, account);
    const second = await signIn(harness.stack, account);
    const bearer = `Bearer ${first.accessToken}`;
    await http().get('/v1/me').set('authorization', bearer).set('content-type', 'text/plain').expect(200);
    await http().delete(`/v1/me/sessions/${second.sessionId}`).set('authorization', bearer).expect(204);
    // An empty body says nothing of its media type: fetch() labels an empty string text/plain.
    await http().post('/v1/auth/sign-out').set('authorization', bearer).set('content-type', 'text/plain').send('').expect(204);
    const third = await signIn(harness.stack, account);
    await http().post('/v1/auth/sign-out').set('authorization', `Bearer ${third.accessToken}`).expect(204);
  });

  it('answers 400 VALIDATION_FAILED where an e-mail is expected and the value is not one, counting nothing', async () => {
    const notEmails = ['jane', 'jane@', '@example.com', 'jane@example', 'jane doe@example.com', ` ${account.email}`];
    for (const email of notEmails) {
      const signInAnswer = await http()
        .post('/v1/auth/sign-in')
        .send({ ...credentials('Wrong-Pw-1!'), email })
        .expect(400);
      expect(signInAnswer.body).toEqual(
        expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'email' })] }),
      );
      await http().post('/v1/password-resets').send({ organization: account.organization, email }).expect(400);
      await http()
        .post('/v1/password-policy/check')
        .send({ organization: account.organization, password: 'Some-Pw-123!', email })
        .expect(400);
      await http()
        .post(`/v1/organizations/${account.organization}/accounts`)
        .set('authorization', adminAuth(harness.stack))
        .send({ email })
        .expect(400);
    }
    // Six refusals above, none counted: the account still signs in.
    await http().post('/v1/auth/sign-in').send(credentials(account.password)).expect(200);
  });
});
