import { performance } from 'node:perf_hooks';
import { adminAuth, createAccount, createOrganization } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

interface Attempt {
  status: number;
  accessToken?: string;
  refreshToken?: string;
  sentAt: number;
  answeredAt: number;
}

/**
 * docs/guarantees.md#expire-sign-in-sessions-and-tokens under concurrency: an expiry ("expire sessions", the same as a change with the option)
 * while sign-ins of the same account are in flight on two instances. A session opened just before
 * the expiry must not survive it with the old credential version — its access token would be
 * refused, but its refresh token would mint a fresh one; nor may a cached check vouch for a session
 * that PostgreSQL would refuse, which would last only until the entry expired.
 */
describe('an expiry racing sign-ins of the same account, two API instances', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi();
  });
  afterAll(() => stack?.close());

  // Rounds, because a race is a chance: each round puts a new expiry among new sign-ins.
  it.each([1, 2, 3, 4, 5, 6])(
    'leaves every session answered before the expiry was sent dead, none alive by refresh alone, none alive only in the cache (round %i)',
    async () => {
      const organization = await createOrganization(stack);
      const account = await createAccount(stack, organization);
      let answered = 0;
      const signIn = async (index: number): Promise<Attempt> => {
        await new Promise((resolve) => setTimeout(resolve, index * 4));
        const sentAt = performance.now();
        const response = await stack
          .http(index % 2)
          .post('/v1/auth/sign-in')
          .send({ organization, email: account.email, password: account.password });
        answered++;
        return {
          status: response.status,
          accessToken: response.body.accessToken,
          refreshToken: response.body.refreshToken,
          sentAt,
          answeredAt: performance.now(),
        };
      };
      const attempts = Array.from({ length: 24 }, (_, index) => signIn(index));
      // The expiry goes out once two sign-ins have been answered, with the others still in flight.
      while (answered < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      const expirySentAt = performance.now();
      await stack
        .http(0)
        .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
        .set('authorization', adminAuth(stack))
        .expect(204);
      const expiredAt = performance.now();
      const results = await Promise.all(attempts);

      expect(results.every((attempt) => attempt.status === 200)).toBe(true);
      // The race took place: a sign-in started before the expiry was sent was still unanswered at its 204.
      expect(results.filter((attempt) => attempt.sentAt < expirySentAt && attempt.answeredAt > expiredAt).length).toBeGreaterThanOrEqual(1);
      // Finished first: answered before the expiry was even sent. The others raced it: each either finished
      // first (and must be dead) or waited for its lock and was born after it (alive, of the new credential
      // version) — an answer that reaches the client before the 204 may be either, as the expiry publishes its
      // revocations after its commit and before its 204, while a sign-in born after that commit can be done sooner.
      const before = results.filter((attempt) => attempt.answeredAt < expirySentAt);
      expect(before.length).toBeGreaterThanOrEqual(2);
      const alive: string[] = [];
      for (const attempt of results) {
        const me = await stack.http(1).get('/v1/me').set('authorization', `Bearer ${attempt.accessToken}`);
        const refreshed = await stack.http(0).post('/v1/auth/refresh').send({ refreshToken: attempt.refreshToken });
        // Alive or dead, but never half: a refused access token with a working refresh token revives an expired session.
        expect({ me: me.status, refresh: refreshed.status }).toEqual(
          me.status === 200 ? { me: 200, refresh: 200 } : { me: 401, refresh: 401 },
        );
        if (attempt.answeredAt < expirySentAt) expect(me.status).toBe(401);
        if (me.status === 200) alive.push(attempt.accessToken!);
      }

      // As if every cached check had expired: PostgreSQL alone now decides, and must agree. PostgreSQL accepts
      // a session only of the account's current credential version, so what is alive here was born after the expiry.
      await stack.deleteRedisKeys('session:*');
      for (const accessToken of alive) {
        expect((await stack.http(0).get('/v1/me').set('authorization', `Bearer ${accessToken}`)).status).toBe(200);
      }
    },
  );
});
