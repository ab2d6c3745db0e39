import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboxRelay } from '#libs/platform';
import { eventually } from '../../../test/support/eventually.js';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword } from '../../../test/support/fixtures.js';
import { TestStack } from '../../../test/support/test-stack.js';
import { AcmeModule, HttpApiMailTransport, SecurityAlerts } from '../src/index.js';

interface ReceivedMail {
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { to: string; subject: string; text: string; html: string };
}

/** A stand-in for an e-mail provider's HTTP API: accepts every message with 202 and an id, and keeps it. */
async function startMailApi(): Promise<{ server: Server; url: string; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const read = async (request: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer((request, response) => {
    void read(request).then((text) => {
      const key = request.headers['idempotency-key'];
      received.push({
        authorization: request.headers.authorization,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        body: JSON.parse(text),
      });
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `msg-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/mail/send`, received };
}

/**
 * The proof that a team extends Latchkey without editing it: ACME's module (a password rule and a
 * domain event subscriber) and ACME's mail transport, loaded into the real API and worker over the
 * real PostgreSQL and Redis, as examples/acme-extension/src/main-*.ts load them.
 */
describe('the ACME example extension', () => {
  let stack: TestStack;
  let mailApi: Awaited<ReturnType<typeof startMailApi>>;

  beforeAll(async () => {
    mailApi = await startMailApi();
    stack = await TestStack.start({
      apiOptions: { imports: [AcmeModule] },
      workerOptions: { mailTransport: new HttpApiMailTransport(mailApi.url, 'acme-key') },
    });
  });

  afterAll(async () => {
    for (const api of stack.apis) await api.get(OutboxRelay).flush();
    await stack.close();
    await new Promise((resolve) => mailApi.server.close(resolve));
  });

  it('refuses a password with a product name by the rule’s own code, lists the rule, and lets an organization turn it off', async () => {
    const organization = await createOrganization(stack);
    const account = { email: 'wile@example.com', password: 'Roadrunner#2x9Kq' };

    const refused = await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts`)
      .set('authorization', adminAuth(stack))
      .send(account)
      .expect(422);
    expect(refused.body.violations).toEqual([{ code: 'ACME_PRODUCT_NAME', message: 'Do not use an ACME product name.' }]);

    const policy = await stack.http().get(`/v1/organizations/${organization}/password-policy`).expect(200);
    expect(JSON.stringify(policy.body)).toContain('ACME_PRODUCT_NAME');

    await stack
      .http()
      .put(`/v1/organizations/${organization}/password-policy`)
      .set('authorization', adminAuth(stack))
      .send({ disabledRules: ['ACME_PRODUCT_NAME'] })
      .expect(200);
    await stack.http().post(`/v1/organizations/${organization}/accounts`).set('authorization', adminAuth(stack)).send(account).expect(201);
  });

  it('tells the security team when an owner expires every session and token, in the same change', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    const alerts = stack.api.get(SecurityAlerts);
    const before = alerts.raised.length;

    await stack
      .http()
      .post('/v1/me/password')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true })
      .expect(204);

    expect(alerts.raised.slice(before)).toEqual([
      { kind: 'credentials-expired', accountId: account.id, organizationId: expect.any(String), at: expect.any(String) },
    ]);
    await stack.http().get('/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(401);
  });

  it('sends the reset mail through the team’s own mail API instead of SMTP', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);

    await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);

    const mail = await eventually(() => mailApi.received.find((received) => received.body.to === account.email));
    expect(mail.authorization).toBe('Bearer acme-key');
    expect(mail.idempotencyKey).toEqual(expect.any(String));
    expect(mail.body.text).toMatch(/\/reset-password#token=[A-Za-z0-9_-]+/);
    expect(stack.mail.messages.some((message) => message.to.includes(account.email))).toBe(false);
  });
});
