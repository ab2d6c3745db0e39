import { Client } from 'pg';
import { eventually } from '../support/eventually.js';
import { createAccount, createOrganization, signIn, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { ISSUER, pushStream, PushReceiver, SESSION_REVOKED, SetVerifier, setStatus } from './delivery-receivers.js';

/**
 * docs/shared-signals.md#delivery, push (RFC 8935) with the real API, worker, PostgreSQL and Redis:
 * at least once, in order per stream, the same jti on every redelivery; a receiver that is down is
 * retried until it is back and is reported meanwhile; a paused stream holds; nothing is lost while
 * the worker (and the queue's jobs) are gone.
 */
describe('Shared Signals push delivery', () => {
  let stack: TestStack;
  let db: Client;
  let verifier: SetVerifier;
  let organization: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      env: { PUBLIC_URL: ISSUER, SSF_RETRY_BASE_MS: '50', SSF_RETRY_MAX_DELAY_SECONDS: '1', SSF_SWEEP_INTERVAL_MS: '100' },
    });
    verifier = new SetVerifier(await stack.listen());
    db = new Client({ connectionString: stack.config.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });
  beforeEach(async () => {
    organization = await createOrganization(stack);
  });

  /** Signs in `count` times and signs each session out, in order; returns the session ids in that order. */
  async function signOuts(account: TestAccount, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const session = await signIn(stack, account);
      await stack.http().post('/v1/auth/sign-out').set('authorization', `Bearer ${session.accessToken}`).expect(204);
      ids.push(session.sessionId);
    }
    return ids;
  }

  async function sessionsOf(receiver: PushReceiver, sets: string[]): Promise<string[]> {
    const verified = await Promise.all(sets.map((raw) => verifier.verify(raw, receiver.audience)));
    expect(verified.every((set) => set.type === SESSION_REVOKED)).toBe(true);
    return verified.map((set) => (set.claims.sub_id.session as { id: string }).id);
  }

  const jti = (raw: string) => (JSON.parse(Buffer.from(raw.split('.')[1], 'base64url').toString()) as { jti: string }).jti;

  async function metric(name: string): Promise<number> {
    const text = (await stack.http().get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) : NaN;
  }

  it('a receiver down (503) and then back gets every SET once, in order; retries carry the same jti; it is reported meanwhile', async () => {
    const receiver = await PushReceiver.start();
    try {
      const stream = await pushStream(stack, organization, receiver);
      receiver.answer = () => ({ status: 503 });
      const account = await createAccount(stack, organization);
      const ended = await signOuts(account, 5);
      // Retried with backoff while down: the head, again and again, with the same jti; the rest wait behind it.
      await eventually(() => receiver.attempts.length >= 4, 'four attempts at the head');
      expect(new Set(receiver.attempts.map(jti)).size).toBe(1);
      await eventually(async () => (await metric('latchkey_ssf_failing_streams')) === 1, 'the failing stream on /metrics');
      expect(await metric('latchkey_ssf_pending_events')).toBe(5);
      const health = await stack.http().get('/health').expect(200);
      expect(health.body.details.sharedSignals).toEqual({ status: 'up', pendingEvents: 5, failingStreams: 1 });
      const { rows } = await db.query(`select attempts, last_error from ssf_events where stream_id = $1 order by seq`, [stream.stream_id]);
      expect(rows[0]).toMatchObject({ attempts: expect.any(Number), last_error: 'HTTP 503' });
      expect(rows.slice(1).map((row) => row.attempts)).toEqual([0, 0, 0, 0]);

      receiver.answer = () => ({ status: 202 });
      await eventually(() => receiver.accepted.length === 5 && receiver.accepted, 'all five SETs');
      expect(await sessionsOf(receiver, receiver.accepted)).toEqual(ended);
      expect(new Set(receiver.accepted.map(jti)).size).toBe(5);
      expect(jti(receiver.accepted[0])).toBe(jti(receiver.attempts[0])); // the redelivered SET has the same jti
      await eventually(async () => (await metric('latchkey_ssf_pending_events')) === 0, 'an empty backlog');
      expect(await metric('latchkey_ssf_failing_streams')).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('records a SET the receiver refuses with an RFC 8935 error as failed, without retrying it, and delivers the next', async () => {
    const receiver = await PushReceiver.start();
    try {
      const stream = await pushStream(stack, organization, receiver);
      let first = true;
      receiver.answer = () =>
        first ? ((first = false), { status: 400, body: { err: 'invalid_key', description: 'unknown kid' } }) : { status: 202 };
      const account = await createAccount(stack, organization);
      const ended = await signOuts(account, 2);
      await eventually(() => receiver.accepted.length === 1, 'the second SET');
      expect(await sessionsOf(receiver, receiver.accepted)).toEqual([ended[1]]);
      expect(receiver.attempts).toHaveLength(2);
      const { rows } = await db.query(`select state, last_error from ssf_events where stream_id = $1 order by seq`, [stream.stream_id]);
      expect(rows).toEqual([
        { state: 'failed', last_error: 'invalid_key: unknown kid' },
        { state: 'delivered', last_error: null },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('a paused stream holds its events while another stream gets them, and delivers them in order once enabled', async () => {
    const [paused, control] = [await PushReceiver.start(), await PushReceiver.start()];
    try {
      const stream = await pushStream(stack, organization, paused);
      await pushStream(stack, organization, control);
      await setStatus(stack, stream.stream_id, 'paused');
      const account = await createAccount(stack, organization);
      const ended = await signOuts(account, 3);
      await eventually(() => control.accepted.length === 3, 'the control stream');
      // A delivery pass over the paused stream ended after its last event was appended (its lease, given back
      // since), and sent nothing: the events are held.
      await eventually(async () => {
        const { rows: lease } = await db.query(
          `select 1 from ssf_delivery_leases l where l.stream_id = $1 and l.held_until <= now()
              and l.held_until >= (select max(created_at) from ssf_events e where e.stream_id = l.stream_id)`,
          [stream.stream_id],
        );
        return lease.length === 1;
      }, 'a delivery pass over the paused stream');
      expect(paused.attempts).toEqual([]);
      const { rows } = await db.query(`select state from ssf_events where stream_id = $1`, [stream.stream_id]);
      expect(rows.map((row) => row.state)).toEqual(['pending', 'pending', 'pending']);
      await setStatus(stack, stream.stream_id, 'enabled');
      await eventually(() => paused.accepted.length === 3, 'the held SETs');
      expect(await sessionsOf(paused, paused.accepted)).toEqual(ended);
    } finally {
      await paused.close();
      await control.close();
    }
  });

  it('loses nothing while the worker is stopped and its queued jobs are gone: the sweeper delivers from PostgreSQL', async () => {
    const receiver = await PushReceiver.start();
    try {
      await pushStream(stack, organization, receiver);
      await stack.stopWorker();
      const account = await createAccount(stack, organization);
      const ended = await signOuts(account, 4);
      // The nudges are lost with Redis's copy of the queue; the events are in PostgreSQL.
      await stack.deleteRedisKeys('ssf:*');
      expect(receiver.attempts).toEqual([]);
      await stack.startWorker();
      await eventually(() => receiver.accepted.length === 4, 'the four SETs');
      expect(await sessionsOf(receiver, receiver.accepted)).toEqual(ended);
    } finally {
      await receiver.close();
    }
  });
});
