import { Client } from 'pg';
import { SESSION_REVOKED, StreamDirectory, VERIFICATION } from '#libs/shared-signals';
import { adminAuth, createAccount, createOrganization, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

const PUSH = 'urn:ietf:rfc:8935';
const POLL = 'urn:ietf:rfc:8936';
const STREAMS = '/v1/shared-signals/streams';

/** docs/shared-signals.md#streams: the SSF 1.0 stream management API over HTTP, PostgreSQL and Redis. */
describe('Shared Signals stream management', () => {
  let stack: TestStack;
  let db: Client;
  let acme: string;
  let globex: string;
  let acmeToken: string;
  let globexToken: string;
  let jane: TestAccount;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      env: { SSF_MIN_VERIFICATION_INTERVAL_SECONDS: '30', PUBLIC_URL: 'https://id.example.com' },
    });
    db = new Client({ connectionString: stack.config.DATABASE_URL });
    await db.connect();
    acme = await createOrganization(stack);
    globex = await createOrganization(stack);
    jane = await createAccount(stack, acme);
    acmeToken = (await credential(acme)).token;
    globexToken = (await credential(globex)).token;
  });
  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  async function credential(organization: string): Promise<{ id: string; token: string }> {
    const response = await stack
      .http()
      .post(`/v1/organizations/${organization}/shared-signals/credentials`)
      .set('authorization', adminAuth(stack))
      .send({ name: 'receiver' })
      .expect(201);
    return response.body;
  }

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  async function createPushStream(token = acmeToken): Promise<Record<string, unknown> & { stream_id: string }> {
    const response = await stack
      .http()
      .post(STREAMS)
      .set(as(token))
      .send({
        delivery: { method: PUSH, endpoint_url: 'https://rp.example.com/ssf/events', authorization_header: 'Bearer receiver-secret-123' },
        events_requested: [SESSION_REVOKED, 'urn:example:not-supported'],
        description: 'Payroll',
      })
      .expect(201);
    return response.body;
  }

  it('creates, reads, updates, replaces and deletes a stream; the authorization header is never shown and is stored encrypted', async () => {
    const created = await createPushStream();
    expect(created).toEqual({
      stream_id: expect.any(String),
      iss: 'https://id.example.com',
      aud: 'https://rp.example.com',
      delivery: { method: PUSH, endpoint_url: 'https://rp.example.com/ssf/events' },
      events_supported: expect.arrayContaining([SESSION_REVOKED]),
      events_requested: [SESSION_REVOKED, 'urn:example:not-supported'],
      events_delivered: [SESSION_REVOKED],
      description: 'Payroll',
      min_verification_interval: 30,
    });
    const id = created.stream_id;
    const { rows } = await db.query('select authorization_header from ssf_streams where id = $1', [id]);
    expect(rows[0].authorization_header).not.toContain('receiver-secret-123');

    expect((await stack.http().get(STREAMS).query({ stream_id: id }).set(as(acmeToken)).expect(200)).body).toEqual(created);
    const all = await stack.http().get(STREAMS).set(as(acmeToken)).expect(200);
    expect(all.body.map((s: { stream_id: string }) => s.stream_id)).toContain(id);

    const patched = await stack
      .http()
      .patch(STREAMS)
      .set(as(acmeToken))
      .send({ stream_id: id, description: 'Payroll v2', iss: created.iss })
      .expect(200);
    expect(patched.body).toEqual({ ...created, description: 'Payroll v2' });
    expect((await stack.apis[0].get(StreamDirectory).find(id))?.delivery).toEqual({
      method: 'push',
      endpointUrl: 'https://rp.example.com/ssf/events',
      authorizationHeader: 'Bearer receiver-secret-123',
    });

    const replaced = await stack
      .http()
      .put(STREAMS)
      .set(as(acmeToken))
      .send({ stream_id: id, delivery: { method: POLL }, aud: ['urn:rp'] })
      .expect(200);
    expect(replaced.body).toEqual({
      ...created,
      aud: 'urn:rp',
      delivery: { method: POLL, endpoint_url: `https://id.example.com/v1/shared-signals/poll/${id}` },
      events_requested: [],
      events_delivered: [],
      description: undefined,
    });

    await stack.http().delete(STREAMS).query({ stream_id: id }).set(as(acmeToken)).expect(204);
    await stack.http().get(STREAMS).query({ stream_id: id }).set(as(acmeToken)).expect(404);
    expect(await stack.apis[0].get(StreamDirectory).find(id)).toBeNull();
  });

  it('with the administration key, creates a stream of the organization named in the body', async () => {
    await stack
      .http()
      .post(STREAMS)
      .set('authorization', adminAuth(stack))
      .send({ delivery: { method: POLL } })
      .expect(400);
    const response = await stack
      .http()
      .post(STREAMS)
      .set('authorization', adminAuth(stack))
      .send({ organization: globex, delivery: { method: POLL } })
      .expect(201);
    const visible = await stack.http().get(STREAMS).set(as(globexToken)).expect(200);
    expect(visible.body.map((s: { stream_id: string }) => s.stream_id)).toContain(response.body.stream_id);
  });

  it('moves a stream between enabled, paused and disabled, with a reason', async () => {
    const { stream_id } = await createPushStream();
    expect((await stack.http().get(`${STREAMS}/status`).query({ stream_id }).set(as(acmeToken)).expect(200)).body).toEqual({
      stream_id,
      status: 'enabled',
    });
    for (const [status, reason] of [
      ['paused', 'maintenance'],
      ['disabled', 'decommissioned'],
      ['enabled', undefined],
    ]) {
      const changed = await stack.http().post(`${STREAMS}/status`).set(as(acmeToken)).send({ stream_id, status, reason }).expect(200);
      expect(changed.body).toEqual({ stream_id, status, ...(reason ? { reason } : {}) });
      expect((await stack.http().get(`${STREAMS}/status`).query({ stream_id }).set(as(acmeToken)).expect(200)).body).toEqual(changed.body);
    }
  });

  it('adds and removes subjects: an account by id or e-mail, or the whole organization; disabled streams receive nothing', async () => {
    const { stream_id } = await createPushStream();
    const directory = stack.apis[0].get(StreamDirectory);
    const organizationId = (await db.query('select id from organizations where name = $1', [acme])).rows[0].id as string;
    const targets = async () => (await directory.targetsFor(organizationId, jane.id, SESSION_REVOKED)).map((t) => t.streamId);
    const subjects = `${STREAMS}/subjects`;
    expect(await targets()).not.toContain(stream_id);

    await stack
      .http()
      .post(`${subjects}/add`)
      .set(as(acmeToken))
      .send({ stream_id, subject: { format: 'email', email: jane.email.toUpperCase() } })
      .expect(200);
    expect(await targets()).toContain(stream_id);
    await stack
      .http()
      .post(`${subjects}/remove`)
      .set(as(acmeToken))
      .send({ stream_id, subject: { format: 'email', email: jane.email } })
      .expect(204);
    expect(await targets()).not.toContain(stream_id);

    await stack
      .http()
      .post(`${subjects}/add`)
      .set(as(acmeToken))
      .send({ stream_id, subject: { format: 'opaque', id: jane.id }, verified: true })
      .expect(200);
    expect(await targets()).toContain(stream_id);
    expect(
      await directory.targetsFor(organizationId, jane.id, 'https://schemas.openid.net/secevent/caep/event-type/credential-change'),
    ).toEqual([]);
    await stack
      .http()
      .post(`${subjects}/remove`)
      .set(as(acmeToken))
      .send({ stream_id, subject: { format: 'opaque', id: jane.id } })
      .expect(204);

    const tenant = { format: 'complex', tenant: { format: 'opaque', id: acme } };
    await stack.http().post(`${subjects}/add`).set(as(acmeToken)).send({ stream_id, subject: tenant }).expect(200);
    expect(await targets()).toContain(stream_id);
    expect((await directory.targetsFor(organizationId, null, SESSION_REVOKED)).map((t) => t.streamId)).toContain(stream_id);
    await stack.http().post(`${STREAMS}/status`).set(as(acmeToken)).send({ stream_id, status: 'paused' }).expect(200);
    expect(await targets()).toContain(stream_id);
    await stack.http().post(`${STREAMS}/status`).set(as(acmeToken)).send({ stream_id, status: 'disabled' }).expect(200);
    expect(await targets()).not.toContain(stream_id);
  });

  it('verification appends a verification event with the state to the stream, and is refused (429) within the interval', async () => {
    const { stream_id } = await createPushStream();
    await stack.http().post(`${STREAMS}/verify`).set(as(acmeToken)).send({ stream_id, state: 'state-123' }).expect(204);
    const { rows } = await db.query<{ claims: Record<string, unknown> }>(
      'select claims from ssf_events where stream_id = $1 order by seq',
      [stream_id],
    );
    expect(rows.map((r) => r.claims.events)).toEqual([{ [VERIFICATION]: { state: 'state-123' } }]);
    const again = await stack.http().post(`${STREAMS}/verify`).set(as(acmeToken)).send({ stream_id, state: 'again' }).expect(429);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('VERIFICATION_TOO_FREQUENT');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect((await db.query('select count(*)::int as n from ssf_events where stream_id = $1', [stream_id])).rows[0].n).toBe(1);
  });

  it("never shows or touches another organization's stream: 404 on every endpoint, and nothing changes", async () => {
    const { stream_id } = await createPushStream();
    const foreign = as(globexToken);
    await stack.http().get(STREAMS).query({ stream_id }).set(foreign).expect(404);
    const list = await stack.http().get(STREAMS).set(foreign).expect(200);
    expect(list.body.map((s: { stream_id: string }) => s.stream_id)).not.toContain(stream_id);
    await stack.http().patch(STREAMS).set(foreign).send({ stream_id, description: 'mine' }).expect(404);
    await stack
      .http()
      .put(STREAMS)
      .set(foreign)
      .send({ stream_id, delivery: { method: POLL } })
      .expect(404);
    await stack.http().get(`${STREAMS}/status`).query({ stream_id }).set(foreign).expect(404);
    await stack.http().post(`${STREAMS}/status`).set(foreign).send({ stream_id, status: 'disabled' }).expect(404);
    await stack
      .http()
      .post(`${STREAMS}/subjects/add`)
      .set(foreign)
      .send({ stream_id, subject: { format: 'opaque', id: jane.id } })
      .expect(404);
    await stack
      .http()
      .post(`${STREAMS}/subjects/remove`)
      .set(foreign)
      .send({ stream_id, subject: { format: 'opaque', id: jane.id } })
      .expect(404);
    await stack.http().post(`${STREAMS}/verify`).set(foreign).send({ stream_id }).expect(404);
    await stack.http().delete(STREAMS).query({ stream_id }).set(foreign).expect(404);
    const own = await stack.http().get(STREAMS).query({ stream_id }).set(as(acmeToken)).expect(200);
    expect(own.body.description).toBe('Payroll');
    expect((await stack.http().get(`${STREAMS}/status`).query({ stream_id }).set(as(acmeToken)).expect(200)).body.status).toBe('enabled');
  });

  it('lists and revokes stream credentials; a revoked one stops working at once, and no secret is ever listed', async () => {
    const { id, token } = await credential(acme);
    await stack.http().get(STREAMS).set(as(token)).expect(200);
    const listed = await stack
      .http()
      .get(`/v1/organizations/${acme}/shared-signals/credentials`)
      .set('authorization', adminAuth(stack))
      .expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, organization: acme, name: 'receiver', revokedAt: null })]),
    );
    expect(JSON.stringify(listed.body)).not.toMatch(/lkssf_|secret/i);
    const { rows } = await db.query('select secret_hash from ssf_stream_credentials where id = $1', [id]);
    expect(rows[0].secret_hash).not.toContain(token);
    await stack
      .http()
      .delete(`/v1/organizations/${globex}/shared-signals/credentials/${id}`)
      .set('authorization', adminAuth(stack))
      .expect(404);
    await stack
      .http()
      .delete(`/v1/organizations/${acme}/shared-signals/credentials/${id}`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    const refused = await stack.http().get(STREAMS).set(as(token)).expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await stack
      .http()
      .delete(`/v1/organizations/${acme}/shared-signals/credentials/${id}`)
      .set('authorization', adminAuth(stack))
      .expect(404);
  });

  it('limits the streams of an organization', async () => {
    const crowded = await createOrganization(stack);
    const { token } = await credential(crowded);
    await db.query(
      `insert into ssf_streams (id, organization_id, events_requested, delivery_method, status, created_at, updated_at)
       select gen_random_uuid(), o.id, '[]'::jsonb, 'poll', 'enabled', now(), now() from organizations o, generate_series(1, 20) where o.name = $1`,
      [crowded],
    );
    const refused = await stack
      .http()
      .post(STREAMS)
      .set(as(token))
      .send({ delivery: { method: POLL } })
      .expect(409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'STREAM_LIMIT_REACHED', limit: 20 }));
  });
});
