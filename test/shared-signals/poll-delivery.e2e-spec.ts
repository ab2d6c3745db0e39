import { adminAuth, createAccount, createOrganization, signIn, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { createStream, ISSUER, POLL, SESSION_REVOKED, SetVerifier } from './delivery-receivers.js';

/**
 * docs/shared-signals.md#poll: RFC 8936 poll delivery on two API instances behind one database and
 * Redis — events committed through one instance are served by the other; unacknowledged SETs come back
 * with the same jti; ack and setErrs settle them; a long poll returns as soon as an event is committed.
 */
describe('Shared Signals poll delivery', () => {
  let stack: TestStack;
  let verifier: SetVerifier;
  let organization: string;
  let credential: string;
  let streamId: string;
  let audience: string;
  let pollUrl: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { PUBLIC_URL: ISSUER, SSF_POLL_MAX_WAIT_SECONDS: '10' } });
    await stack.startApi();
    verifier = new SetVerifier(await stack.listen());
    organization = await createOrganization(stack);
    credential = (
      await stack
        .http()
        .post(`/v1/organizations/${organization}/shared-signals/credentials`)
        .set('authorization', adminAuth(stack))
        .send({ name: 'poller' })
        .expect(201)
    ).body.token;
    const stream = await createStream(stack, organization, { method: POLL }, [SESSION_REVOKED]);
    streamId = stream.stream_id;
    audience = Array.isArray(stream.aud) ? stream.aud[0] : stream.aud;
    pollUrl = new URL(stream.delivery.endpoint_url).pathname;
    expect(stream.delivery.endpoint_url).toBe(`${ISSUER}/v1/shared-signals/poll/${streamId}`);
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** A poll on API instance 1, as the stream's organization. */
  const poll = (body: Record<string, unknown>, token = credential) =>
    stack.http(1).post(pollUrl).set('authorization', `Bearer ${token}`).send(body);

  async function signOut(account: TestAccount): Promise<string> {
    const session = await signIn(stack, account);
    await stack.http(0).post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
    return session.sessionId;
  }

  async function sessionsIn(sets: Record<string, string>): Promise<string[]> {
    const verified = await Promise.all(
      Object.entries(sets).map(async ([jti, raw]) => ({ jti, set: await verifier.verify(raw, audience) })),
    );
    for (const { jti, set } of verified) expect(set.claims.jti).toBe(jti);
    return verified.map(({ set }) => (set.claims.sub_id.session as { id: string }).id);
  }

  /** Acknowledges everything pending, so that each test starts from an empty stream. */
  async function drain(): Promise<void> {
    for (;;) {
      const { body } = await poll({ returnImmediately: true, maxEvents: 1000 }).expect(200);
      if (Object.keys(body.sets).length === 0) return;
      await poll({ returnImmediately: true, maxEvents: 0, ack: Object.keys(body.sets) }).expect(200);
    }
  }
  beforeEach(drain);

  it('serves SETs in order, again (same jti) until acknowledged, maxEvents at a time with moreAvailable', async () => {
    const account = await createAccount(stack, organization);
    const ended = [await signOut(account), await signOut(account), await signOut(account)];
    const first = await poll({ returnImmediately: true, maxEvents: 2 }).expect(200);
    expect(first.body.moreAvailable).toBe(true);
    expect(await sessionsIn(first.body.sets)).toEqual(ended.slice(0, 2));
    const again = await poll({ returnImmediately: true, maxEvents: 2 }).expect(200);
    expect(Object.keys(again.body.sets)).toEqual(Object.keys(first.body.sets));
    const next = await poll({ returnImmediately: true, maxEvents: 2, ack: Object.keys(first.body.sets) }).expect(200);
    expect(next.body.moreAvailable).toBe(false);
    expect(await sessionsIn(next.body.sets)).toEqual(ended.slice(2));
    const last = await poll({ returnImmediately: true, ack: Object.keys(next.body.sets) }).expect(200);
    expect(last.body).toEqual({ sets: {}, moreAvailable: false });
  });

  it('records setErrs: a SET the receiver refused is not served again', async () => {
    const account = await createAccount(stack, organization);
    await signOut(account);
    const { body } = await poll({ returnImmediately: true }).expect(200);
    const [jti] = Object.keys(body.sets);
    await poll({ returnImmediately: true, maxEvents: 0, setErrs: { [jti]: { err: 'invalid_audience', description: 'not ours' } } }).expect(
      200,
    );
    expect((await poll({ returnImmediately: true }).expect(200)).body.sets).toEqual({});
  });

  it('a long poll on one instance returns once an event is committed through the other', async () => {
    const account = await createAccount(stack, organization);
    const session = await signIn(stack, account);
    const started = Date.now();
    const waiting = poll({ returnImmediately: false, maxEvents: 10 }).then((response) => response);
    await stack.http(0).post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(await sessionsIn(answered.body.sets)).toEqual([session.sessionId]);
    // Well before SSF_POLL_MAX_WAIT_SECONDS (10 s): the poll was woken, not timed out.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers another organization, a missing credential and bad input as the stream API does (problem JSON)', async () => {
    const other = await createOrganization(stack);
    const otherCredential = (
      await stack
        .http()
        .post(`/v1/organizations/${other}/shared-signals/credentials`)
        .set('authorization', adminAuth(stack))
        .send({ name: 'x' })
        .expect(201)
    ).body.token;
    const account = await createAccount(stack, organization);
    await signOut(account);
    const foreign = await poll({ returnImmediately: true }, otherCredential).expect(404);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    await stack.http(1).post(pollUrl).send({ returnImmediately: true }).expect(401);
    for (const bad of [
      { maxEvents: -1 },
      { maxEvents: 'ten' },
      { ack: 'jti' },
      { setErrs: { x: { description: 'no err' } } },
      { returnImmediately: 'yes' },
    ]) {
      const refused = await poll(bad).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await stack.http(1).post('/v1/shared-signals/poll/not-a-uuid').set('authorization', `Bearer ${credential}`).send({}).expect(404);
    // The administration key may poll any organization's stream.
    const byAdmin = await stack.http(1).post(pollUrl).set('authorization', adminAuth(stack)).send({ returnImmediately: true }).expect(200);
    expect(Object.keys(byAdmin.body.sets)).toHaveLength(1);
  });
});
