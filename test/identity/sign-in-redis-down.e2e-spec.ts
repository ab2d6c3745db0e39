import { OutboxRelay } from '#libs/platform';
import { createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { PrivateRedis } from '../support/private-redis.js';
import { TestStack } from '../support/test-stack.js';

/** docs/guarantees.md#when-redis-is-down: with Redis down, sign-in keeps its answers, and unknown identities are counted in memory. */
describe('sign-in while Redis is down', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await TestStack.start({ worker: false, env: { REDIS_URL: redis.url, RATE_LIMIT_ENABLED: 'false' } });
  });
  afterAll(async () => {
    // Back up, and the lockout mail relayed, first: a relay pass still waiting on Redis holds up the API's shutdown.
    await redis.start();
    await stack.api.get(OutboxRelay).flush();
    await stack.close();
    await redis.stop();
  });

  it('answers the same sequences for an existing account and an unknown e-mail, and signs in', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const locked = await createAccount(stack, organization);
    await redis.stop();

    await signIn(stack, account);
    const sequence = async (email: string): Promise<number[]> => {
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await stack.http().post('/v1/auth/sign-in').send({ organization, email, password: 'Wrong-Password-1' })).status);
      return statuses;
    };
    const expected = [401, 401, 401, 401, 423, 423];
    expect(await sequence(locked.email)).toEqual(expected);
    expect(await sequence('ghost@example.com')).toEqual(expected);
  });
});
