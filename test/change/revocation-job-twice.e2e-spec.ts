import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { REVOCATION_QUEUE } from '#libs/platform';
import { adminAuth, createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { adminQuery } from '../support/postgres-admin.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';

/** docs/guarantees.md#side-effects-are-not-lost: a revocation job run twice has the effect of running once. */
describe('the revocation clean-up job, delivered twice', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } })));
  afterAll(() => stack?.close());

  const database = () => new URL(stack.config.DATABASE_URL).pathname.slice(1);
  const me = (bearer: string) => stack.http().get('/v1/me').set('authorization', `Bearer ${bearer}`);

  it('leaves old credentials refused and new ones working, with no further change', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const old = await signIn(stack, account);
    const oldToken = (
      await stack.http().post('/v1/me/api-tokens').set('authorization', `Bearer ${old.accessToken}`).send({ name: 'old' }).expect(201)
    ).body.token;
    await stack
      .http()
      .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
      .set('authorization', adminAuth(stack))
      .expect(204);

    // The first delivery (through the outbox and the running worker) removes the ended session rows.
    await eventually(
      async () =>
        (await adminQuery<{ n: string }>('select count(*) as n from sessions where account_id = $1', [account.id], database()))[0].n ===
        '0',
      'the clean-up job to remove the ended sessions',
      20_000,
    );
    const renewed = await signIn(stack, account);
    const newToken = (
      await stack.http().post('/v1/me/api-tokens').set('authorization', `Bearer ${renewed.accessToken}`).send({ name: 'new' }).expect(201)
    ).body.token;
    const rowsBefore = await adminQuery(
      'select id, revoked_at from api_tokens where account_id = $1 order by id',
      [account.id],
      database(),
    );

    // The second delivery of the same job, as after a worker crash or a relay retry.
    const [{ payload }] = await adminQuery<{ payload: Record<string, unknown> }>(
      `select payload from outbox where queue = $1 and name = 'credentials-expired'`,
      [REVOCATION_QUEUE],
      database(),
    );
    const connection = new Redis(stack.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(REVOCATION_QUEUE, { connection, prefix: stack.config.redisPrefix });
    // BullMQ never closes a connection it was given: both are disconnected here, or one holds Jest open.
    const eventsConnection = connection.duplicate();
    const events = new QueueEvents(REVOCATION_QUEUE, { connection: eventsConnection, prefix: stack.config.redisPrefix });
    try {
      await events.waitUntilReady();
      const job = await queue.add('credentials-expired', payload, { jobId: 'delivered-again' });
      await job.waitUntilFinished(events, 20_000);
    } finally {
      await events.close();
      await queue.close();
      connection.disconnect();
      eventsConnection.disconnect();
    }

    await me(old.accessToken).expect(401);
    await me(oldToken).expect(401);
    await me(renewed.accessToken).expect(200);
    await me(newToken).expect(200);
    expect(await adminQuery('select id, revoked_at from api_tokens where account_id = $1 order by id', [account.id], database())).toEqual(
      rowsBefore,
    );
    expect(
      (
        await adminQuery<{ n: string }>(
          'select count(*) as n from sessions where account_id = $1 and ended_at is null',
          [account.id],
          database(),
        )
      )[0].n,
    ).toBe('1');
  });
});
