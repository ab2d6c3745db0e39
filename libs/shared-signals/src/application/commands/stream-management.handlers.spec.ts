import { POLL_METHOD, PUSH_METHOD, SESSION_REVOKED, VERIFICATION } from '../../domain/event-types.js';
import {
  InvalidStreamConfigurationError,
  InvalidSubjectError,
  OrganizationNotFoundError,
  OrganizationRequiredError,
  StreamLimitReachedError,
  StreamNotFoundError,
  VerificationTooFrequentError,
} from '../../domain/shared-signals.errors.js';
import { ADMIN_CALLER, type StreamCaller } from '../../domain/stream-caller.js';
import { sharedSignalsTestKit } from '../../infrastructure/testing/shared-signals-test-kit.js';
import { ChangeStreamStatus } from './change-stream-status/change-stream-status.command.js';
import { ChangeSubjects } from './change-subjects/change-subjects.command.js';
import { CreateStream } from './create-stream/create-stream.command.js';
import { DeleteStream } from './delete-stream/delete-stream.command.js';
import { UpdateStream } from './update-stream/update-stream.command.js';
import { VerifyStream } from './verify-stream/verify-stream.command.js';
import { GetStreams } from '../queries/get-streams/get-streams.query.js';
import { GetStreamStatus } from '../queries/get-stream-status/get-stream-status.query.js';

const push = { method: PUSH_METHOD, endpointUrl: 'https://rp.example.com/ssf', authorizationHeader: 'Bearer s3cret' };

describe('stream management handlers', () => {
  let kit: ReturnType<typeof sharedSignalsTestKit>;
  let acmeCaller: StreamCaller;
  let globexCaller: StreamCaller;

  beforeEach(() => {
    kit = sharedSignalsTestKit();
    acmeCaller = { kind: 'organization', organizationId: kit.acme.id, credentialId: 'c1' };
    globexCaller = { kind: 'organization', organizationId: kit.globex.id, credentialId: 'c2' };
  });

  const createAcme = () =>
    kit.create.execute(new CreateStream(acmeCaller, undefined, { delivery: push, eventsRequested: [SESSION_REVOKED] }));

  it('creates a stream of the credential organization and describes it without the authorization header', async () => {
    const created = await createAcme();
    expect(created).toEqual({
      stream_id: expect.any(String),
      iss: 'https://id.example.com',
      aud: 'https://rp.example.com',
      delivery: { method: PUSH_METHOD, endpoint_url: push.endpointUrl },
      events_supported: expect.arrayContaining([SESSION_REVOKED]),
      events_requested: [SESSION_REVOKED],
      events_delivered: [SESSION_REVOKED],
      min_verification_interval: 15,
    });
    expect(JSON.stringify(created)).not.toContain('s3cret');
    expect((await kit.streams.findById(created.stream_id))?.organizationId).toBe(kit.acme.id);
  });

  it('with the administration key, needs an existing organization named in the body', async () => {
    await expect(kit.create.execute(new CreateStream(ADMIN_CALLER, undefined, { delivery: push }))).rejects.toThrow(
      OrganizationRequiredError,
    );
    await expect(kit.create.execute(new CreateStream(ADMIN_CALLER, 'nope', { delivery: push }))).rejects.toThrow(OrganizationNotFoundError);
    const created = await kit.create.execute(new CreateStream(ADMIN_CALLER, 'globex', { delivery: { method: POLL_METHOD } }));
    expect(created.delivery).toEqual({
      method: POLL_METHOD,
      endpoint_url: `https://id.example.com/v1/shared-signals/poll/${created.stream_id}`,
    });
    await expect(kit.create.execute(new CreateStream(acmeCaller, 'globex', { delivery: push }))).rejects.toThrow(OrganizationRequiredError);
  });

  it('limits the streams of an organization', async () => {
    for (let i = 0; i < 3; i++) await createAcme();
    await expect(createAcme()).rejects.toThrow(StreamLimitReachedError);
    await kit.create.execute(new CreateStream(globexCaller, undefined, { delivery: push }));
  });

  it("never shows or changes another organization's stream: not found", async () => {
    const { stream_id } = await createAcme();
    const attempts = [
      kit.read.execute(new GetStreams(globexCaller, stream_id)),
      kit.readStatus.execute(new GetStreamStatus(globexCaller, stream_id)),
      kit.update.execute(new UpdateStream(globexCaller, stream_id, { description: 'x' }, {}, false)),
      kit.status.execute(new ChangeStreamStatus(globexCaller, stream_id, 'disabled', null)),
      kit.subjects.execute(
        new ChangeSubjects(globexCaller, stream_id, { format: 'complex', tenant: { format: 'opaque', id: 'globex' } }, true),
      ),
      kit.verify.execute(new VerifyStream(globexCaller, stream_id, 'x')),
      kit.remove.execute(new DeleteStream(globexCaller, stream_id)),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(StreamNotFoundError);
    expect(await kit.read.execute(new GetStreams(globexCaller, undefined))).toEqual([]);
    expect(await kit.read.execute(new GetStreams(ADMIN_CALLER, undefined))).toHaveLength(1);
    expect((await kit.streams.findById(stream_id))?.description).toBeNull();
    expect(kit.events.appended).toEqual([]);
  });

  it('updates, replaces, and refuses a transmitter-supplied property that does not match', async () => {
    const created = await createAcme();
    const patched = await kit.update.execute(
      new UpdateStream(acmeCaller, created.stream_id, { description: 'rp' }, { iss: created.iss }, false),
    );
    expect(patched).toEqual({ ...created, description: 'rp' });
    await expect(
      kit.update.execute(new UpdateStream(acmeCaller, created.stream_id, { description: 'y' }, { iss: 'https://evil.example' }, false)),
    ).rejects.toThrow(InvalidStreamConfigurationError);
    const replaced = await kit.update.execute(
      new UpdateStream(acmeCaller, created.stream_id, { delivery: { method: POLL_METHOD } }, {}, true),
    );
    expect(replaced.events_requested).toEqual([]);
    expect(replaced.description).toBeUndefined();
  });

  it('moves between statuses with a reason', async () => {
    const { stream_id } = await createAcme();
    expect(await kit.status.execute(new ChangeStreamStatus(acmeCaller, stream_id, 'paused', 'maintenance'))).toEqual({
      stream_id,
      status: 'paused',
      reason: 'maintenance',
    });
    expect(await kit.readStatus.execute(new GetStreamStatus(acmeCaller, stream_id))).toEqual({
      stream_id,
      status: 'paused',
      reason: 'maintenance',
    });
    expect(await kit.status.execute(new ChangeStreamStatus(acmeCaller, stream_id, 'enabled', null))).toEqual({
      stream_id,
      status: 'enabled',
    });
  });

  it('adds and removes subjects idempotently, and refuses ones it cannot match', async () => {
    const { stream_id } = await createAcme();
    const subject = { format: 'email', email: 'Jane@Example.com' };
    await kit.subjects.execute(new ChangeSubjects(acmeCaller, stream_id, subject, true));
    await kit.subjects.execute(new ChangeSubjects(acmeCaller, stream_id, subject, true));
    await kit.subjects.execute(
      new ChangeSubjects(acmeCaller, stream_id, { format: 'complex', tenant: { format: 'opaque', id: 'acme' } }, true),
    );
    expect([...(kit.streams.subjects.get(stream_id) ?? [])]).toEqual(['email:jane@example.com', 'organization']);
    await kit.subjects.execute(new ChangeSubjects(acmeCaller, stream_id, subject, false));
    await kit.subjects.execute(new ChangeSubjects(acmeCaller, stream_id, subject, false));
    expect([...(kit.streams.subjects.get(stream_id) ?? [])]).toEqual(['organization']);
    await expect(
      kit.subjects.execute(
        new ChangeSubjects(acmeCaller, stream_id, { format: 'complex', tenant: { format: 'opaque', id: 'globex' } }, true),
      ),
    ).rejects.toThrow(InvalidSubjectError);
  });

  it('appends a verification event with the state, at most once per interval', async () => {
    const { stream_id } = await createAcme();
    await kit.verify.execute(new VerifyStream(acmeCaller, stream_id, 'abc'));
    expect(kit.events.appended).toEqual([
      { streamId: stream_id, event: { eventType: VERIFICATION, payload: { state: 'abc' }, subject: null, occurredAt: kit.clock.now() } },
    ]);
    kit.clock.advance(5_000);
    await expect(kit.verify.execute(new VerifyStream(acmeCaller, stream_id, 'again'))).rejects.toThrow(VerificationTooFrequentError);
    kit.clock.advance(10_000);
    await kit.verify.execute(new VerifyStream(acmeCaller, stream_id, undefined));
    expect(kit.events.appended.map((a) => a.event.payload)).toEqual([{ state: 'abc' }, {}]);
  });

  it('deletes a stream', async () => {
    const { stream_id } = await createAcme();
    await kit.remove.execute(new DeleteStream(acmeCaller, stream_id));
    await expect(kit.read.execute(new GetStreams(acmeCaller, stream_id))).rejects.toThrow(StreamNotFoundError);
  });
});
