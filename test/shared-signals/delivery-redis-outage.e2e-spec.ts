import { createAccount, createOrganization, signIn } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { PrivateRedis } from '../support/private-redis.js';
import { TestStack } from '../support/test-stack.js';
import { ISSUER, pushStream, PushReceiver, SESSION_REVOKED, SetVerifier } from './delivery-receivers.js';

/**
 * docs/shared-signals.md#delivery, "When something is down": with Redis stopped, a sign-out still
 * answers 204 and its SET still reaches the receiver — the worker's sweeper reads PostgreSQL and
 * needs no queue — in order with those committed before the outage.
 */
describe('Shared Signals delivery while Redis is down', () => {
  let redis: PrivateRedis;
  let stack: TestStack;
  let receiver: PushReceiver;
  let verifier: SetVerifier;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await TestStack.start({ env: { REDIS_URL: redis.url, PUBLIC_URL: ISSUER, SSF_SWEEP_INTERVAL_MS: '200' } });
    verifier = new SetVerifier(await stack.listen());
    receiver = await PushReceiver.start();
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.stop();
    await receiver?.close();
  });

  it('delivers the SETs of sign-outs made while Redis is stopped, in order, without the queue', async () => {
    const organization = await createOrganization(stack);
    await pushStream(stack, organization, receiver);
    const account = await createAccount(stack, organization);
    const sessions = [await signIn(stack, account), await signIn(stack, account), await signIn(stack, account)];
    await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${sessions[0].accessToken}`).expect(204);
    await eventually(() => receiver.accepted.length === 1, 'the first SET, with Redis up');
    await redis.stop();
    for (const session of sessions.slice(1)) {
      await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
    }
    await eventually(() => receiver.accepted.length === 3, 'the SETs committed while Redis is down');
    const verified = await Promise.all(receiver.accepted.map((raw) => verifier.verify(raw, receiver.audience)));
    expect(verified.map((set) => set.type)).toEqual([SESSION_REVOKED, SESSION_REVOKED, SESSION_REVOKED]);
    expect(verified.map((set) => (set.claims.sub_id.session as { id: string }).id)).toEqual(sessions.map((s) => s.sessionId));
    // Redis back: the queues work again (a mail goes through), and the stack can close its workers.
    await redis.start();
    await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);
    await stack.mail.waitFor(account.email);
  });
});
