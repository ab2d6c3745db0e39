import { INTERNAL_ORIGIN, InMemoryDomainEvents } from '#libs/building-blocks';
import { AccountLocked, AccountResetRequired, PasswordChanged, PasswordReset } from '#libs/identity';
import { ApiTokenCreated, ApiTokenRevoked, SessionsEnded } from '#libs/sessions';
import { ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, CREDENTIAL_CHANGE, SESSION_REVOKED } from '../../domain/event-types.js';
import type { StreamTarget } from '../ports/stream-directory.port.js';
import { InMemoryStreamDirectory, SequentialTxn } from '../../infrastructure/testing/in-memory-event-log.js';
import { InMemoryStreamEvents } from '../../infrastructure/testing/in-memory-stream.events.js';
import { CredentialChangeRequiredSubscriber } from './credential-change-required.subscriber.js';
import { CredentialChangeSubscriber } from './credential-change.subscriber.js';
import { SessionRevokedSubscriber } from './session-revoked.subscriber.js';
import { StreamFanOut } from './stream-fan-out.js';

describe('Shared Signals subscribers', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const stream = (streamId: string, organizationId: string, eventsDelivered: string[]): StreamTarget => ({
    streamId,
    organizationId,
    audience: ['https://rp.example.com'],
    eventsDelivered,
    delivery: { method: 'poll', endpointUrl: 'https://id.example.com/poll' },
    status: 'enabled',
  });
  let appended: InMemoryStreamEvents;
  let txn: SequentialTxn;
  let events: InMemoryDomainEvents;

  beforeEach(() => {
    appended = new InMemoryStreamEvents();
    txn = new SequentialTxn();
    const directory = new InMemoryStreamDirectory([
      stream('all', 'org-a', [SESSION_REVOKED, CREDENTIAL_CHANGE, ACCOUNT_CREDENTIAL_CHANGE_REQUIRED]),
      stream('sessions-only', 'org-a', [SESSION_REVOKED]),
      stream('other-org', 'org-b', [SESSION_REVOKED, CREDENTIAL_CHANGE, ACCOUNT_CREDENTIAL_CHANGE_REQUIRED]),
    ]);
    const fanOut = new StreamFanOut(directory, appended, txn);
    events = new InMemoryDomainEvents()
      .subscribe([SessionsEnded], new SessionRevokedSubscriber(fanOut))
      .subscribe([PasswordChanged, PasswordReset, ApiTokenCreated, ApiTokenRevoked], new CredentialChangeSubscriber(fanOut))
      .subscribe([AccountLocked, AccountResetRequired], new CredentialChangeRequiredSubscriber(fanOut));
  });

  const user = { format: 'opaque', id: 'acc-1' };
  const tenant = { format: 'opaque', id: 'org-a' };

  it('an expiry that ends two sessions: one session-revoked per session for each stream, the same txn, nothing for another organization', async () => {
    await events.publish([new SessionsEnded('acc-1', 'org-a', ['s-1', 's-2'], 'admin-expired', at)]);
    expect(appended.appended.map((a) => [a.streamId, (a.event.subject as { session: { id: string } }).session.id])).toEqual([
      ['all', 's-1'],
      ['all', 's-2'],
      ['sessions-only', 's-1'],
      ['sessions-only', 's-2'],
    ]);
    expect(appended.appended[0].event).toEqual({
      eventType: SESSION_REVOKED,
      subject: { format: 'complex', user, tenant, session: { format: 'opaque', id: 's-1' } },
      payload: {
        event_timestamp: at.getTime() / 1000,
        initiating_entity: 'admin',
        reason_admin: { en: 'An administrator expired the sign-in sessions and tokens of the account.' },
      },
      txn: 'txn-1',
      occurredAt: at,
    });
    expect(new Set(appended.appended.map((a) => a.event.txn))).toEqual(new Set(['txn-1']));
  });

  it('names who ended a session: the user, a policy (refresh reuse) or the system (absolute expiry)', async () => {
    for (const reason of ['sign_out', 'ended_by_user', 'refresh_token_reused', 'expired', 'password-changed', 'password-reset']) {
      await events.publish([new SessionsEnded('acc-1', 'org-a', ['s'], reason, at)]);
    }
    const entities = appended.appended.filter((a) => a.streamId === 'all').map((a) => a.event.payload.initiating_entity);
    expect(entities).toEqual(['user', 'user', 'policy', 'system', 'user', 'user']);
  });

  it('a password change or reset: credential-change password/update; API tokens: api-key create/revoke with the id, never a secret', async () => {
    await events.publish([
      new PasswordChanged('acc-1', 'org-a', 's-1', true, INTERNAL_ORIGIN, at),
      new PasswordReset('acc-1', 'org-a', 'reset', false, INTERNAL_ORIGIN, at),
      new ApiTokenCreated('tok-1', 'acc-1', 'org-a', 'ci', INTERNAL_ORIGIN, at),
      new ApiTokenRevoked('tok-1', 'acc-1', 'org-a', INTERNAL_ORIGIN, at),
    ]);
    expect(appended.appended.map((a) => a.streamId)).toEqual(['all', 'all', 'all', 'all']);
    expect(appended.appended.map((a) => a.event.payload)).toEqual([
      expect.objectContaining({ credential_type: 'password', change_type: 'update', initiating_entity: 'user' }),
      expect.objectContaining({ credential_type: 'password', change_type: 'update', initiating_entity: 'user' }),
      expect.objectContaining({ credential_type: 'api-key', change_type: 'create', friendly_name: 'ci', api_token_id: 'tok-1' }),
      expect.objectContaining({ credential_type: 'api-key', change_type: 'revoke', api_token_id: 'tok-1' }),
    ]);
    expect(appended.appended[0].event).toMatchObject({ eventType: CREDENTIAL_CHANGE, subject: { format: 'complex', user, tenant } });
  });

  it('a lock (policy) and an administrator requiring a reset (admin): RISC account-credential-change-required', async () => {
    await events.publish([new AccountLocked('acc-1', 'org-a', 5, 5, INTERNAL_ORIGIN, at)]);
    txn.next();
    await events.publish([new AccountResetRequired('acc-1', 'org-a', INTERNAL_ORIGIN, at)]);
    expect(appended.appended.map((a) => [a.event.eventType, a.event.payload.initiating_entity, a.event.txn])).toEqual([
      [ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, 'policy', 'txn-1'],
      [ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, 'admin', 'txn-2'],
    ]);
  });

  it('appends nothing when no stream of the organization wants the event', async () => {
    await events.publish([new AccountLocked('acc-9', 'org-c', 5, 5, INTERNAL_ORIGIN, at)]);
    expect(appended.appended).toEqual([]);
  });
});
