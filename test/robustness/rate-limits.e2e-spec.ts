import { TestStack } from '../support/test-stack.js';

/** Per-address limits (SPEC §2) hold against a forged X-Forwarded-For unless TRUST_PROXY=true. */
const attempt = (stack: TestStack, forwardedFor: string) =>
  stack
    .http()
    .post('/v1/auth/sign-in')
    .set('x-forwarded-for', forwardedFor)
    .send({ organization: 'no-such-org', email: 'nobody@example.com', password: 'Wrong-Passw0rd!' });

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

  describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await TestStack.start({ worker: false, env: { TRUST_PROXY: 'true' } })));
    afterAll(() => stack?.close());

    it('counts each forwarded client address on its own', async () => {
      for (let i = 0; i < 31; i++) expect((await attempt(stack, `203.0.113.${i}`)).status).not.toBe(429);
      for (let i = 0; i < 30; i++) await attempt(stack, '198.51.100.9');
      await attempt(stack, '198.51.100.9').expect(429);
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
