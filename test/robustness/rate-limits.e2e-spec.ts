import { randomBytes } from 'node:crypto';
import { createAccount } from '../console/console-fixtures.js';
import { TestStack } from '../support/test-stack.js';

/**
 * Per-address limits (docs/api.md#rate-limits). X-Forwarded-For is read only from the proxies TRUST_PROXY trusts,
 * right to left, so the entries a client writes itself (the left-most ones, which an appending proxy
 * passes on) never become the rate-limit key or the audit trail's address.
 */
const attempt = (stack: TestStack, forwardedFor: string) =>
  stack
    .http()
    .post('/v1/auth/sign-in')
    .set('x-forwarded-for', forwardedFor)
    .send({ organization: 'no-such-org', email: 'nobody@example.com', password: 'Wrong-Passw0rd!' });

const randomIp = () => [...randomBytes(4)].join('.');

/** 45 sign-ins from one client that writes a fresh address of its own before its real one. */
async function statusesOfSpoofingClient(stack: TestStack, realAddress: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 45; i++) statuses.push((await attempt(stack, `${randomIp()}, ${realAddress}`)).status);
  return statuses;
}

describe('per-address rate limits', () => {
  describe('without a trusted proxy', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false })));
    afterAll(() => stack?.close());

    it('ignores X-Forwarded-For: the 31st sign-in a minute answers 429 RATE_LIMITED with Retry-After', async () => {
      for (let i = 0; i < 30; i++) expect((await attempt(stack, `203.0.113.${i}`)).status).not.toBe(429);
      const limited = await attempt(stack, '198.51.100.7').expect(429);
      expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('behind one proxy (TRUST_PROXY=1)', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false, env: { TRUST_PROXY: '1' } })));
    afterAll(() => stack?.close());

    it('limits a client by the address the proxy appended, whatever it wrote before it', async () => {
      const statuses = await statusesOfSpoofingClient(stack, '198.51.100.7');
      expect(statuses.slice(0, 30)).not.toContain(429);
      expect(statuses.slice(30)).toEqual(new Array(15).fill(429));
    });

    it('counts each forwarded client address on its own', async () => {
      for (let i = 0; i < 31; i++) expect((await attempt(stack, `198.51.100.7, 203.0.113.${i}`)).status).not.toBe(429);
    });

    it('limits an IPv6 client by its /64, whichever of its addresses it uses', async () => {
      for (let i = 1; i <= 30; i++) expect((await attempt(stack, `2001:db8:aa:bb::${i.toString(16)}`)).status).not.toBe(429);
      await attempt(stack, '2001:db8:aa:bb:ffff:1:2:3').expect(429);
      expect((await attempt(stack, '2001:db8:aa:bc::1')).status).not.toBe(429);
    });

    it('records the appended address in the audit trail, not the client-written one', async () => {
      const account = await createAccount(stack);
      await stack
        .http()
        .post('/v1/auth/sign-in')
        .set('x-forwarded-for', '203.0.113.250, 192.0.2.77')
        .send({ organization: account.organization, email: account.email, password: `${account.password}x` })
        .expect(401);
      const events = await stack
        .http()
        .get(`/v1/organizations/${account.organization}/security-events`)
        .set('authorization', `Bearer ${stack.config.ADMIN_API_KEY}`)
        .expect(200);
      expect(events.body.events[0]).toMatchObject({ type: expect.stringMatching(/fail/i), clientIp: '192.0.2.77' });
    });
  });

  describe('behind proxies named by address (TRUST_PROXY=127.0.0.1,10.0.0.0/8)', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false, env: { TRUST_PROXY: '127.0.0.1,10.0.0.0/8' } })));
    afterAll(() => stack?.close());

    it('skips the trusted proxies from the right and limits the first address they vouch for', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 45; i++) statuses.push((await attempt(stack, `${randomIp()}, 198.51.100.8, 10.1.2.3`)).status);
      expect(statuses.slice(0, 30)).not.toContain(429);
      expect(statuses.slice(30)).toEqual(new Array(15).fill(429));
    });
  });

  describe('with RATE_LIMIT_ENABLED=false', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } })));
    afterAll(() => stack?.close());

    it('lifts the per-address limit', async () => {
      for (let i = 0; i < 35; i++) expect((await attempt(stack, '192.0.2.1')).status).not.toBe(429);
    });
  });
});
