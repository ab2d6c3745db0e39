import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { adminAuth, createAccount, createOrganization, signIn, strongPassword, type TestAccount } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { tokenFrom } from '../identity/mail-links.js';
import {
  ACCOUNT_CREDENTIAL_CHANGE_REQUIRED,
  CREDENTIAL_CHANGE,
  ISSUER,
  pushStream,
  PushReceiver,
  SESSION_REVOKED,
  SetVerifier,
  type VerifiedSet,
} from './delivery-receivers.js';

const bearer = (token: string) => `Bearer ${token}`;

/**
 * docs/shared-signals.md#events: every event type, from the real story that raises it, reaches a push
 * receiver (API + worker, PostgreSQL, Redis) as a SET whose signature it checks against the JWKS
 * fetched over HTTP, with the claims CAEP and RISC define; another organization's stream sees none.
 */
describe('Shared Signals events from real stories', () => {
  let stack: TestStack;
  let verifier: SetVerifier;
  let acme: string;
  let receiver: PushReceiver;
  let globexReceiver: PushReceiver;

  beforeAll(async () => {
    stack = await TestStack.start({ env: { PUBLIC_URL: ISSUER } });
    verifier = new SetVerifier(await stack.listen());
    acme = await createOrganization(stack);
    receiver = await PushReceiver.start();
    globexReceiver = await PushReceiver.start();
    await pushStream(stack, acme, receiver);
    await pushStream(stack, await createOrganization(stack), globexReceiver);
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
    await globexReceiver?.close();
  });

  /** The SETs the receiver accepted about `account`, verified, in the order they arrived. */
  async function setsAbout(account: TestAccount, count: number): Promise<VerifiedSet[]> {
    const about = async () => {
      const verified = await Promise.all(receiver.accepted.map((raw) => verifier.verify(raw, receiver.audience)));
      return verified.filter((set) => (set.claims.sub_id.user as { id?: string } | undefined)?.id === account.id);
    };
    const sets = await eventually(async () => {
      const found = await about();
      return found.length >= count && found;
    }, `${count} SETs about ${account.email}`);
    expect(sets).toHaveLength(count);
    return sets;
  }

  function subject(account: TestAccount, organizationId: string, sessionId?: string) {
    return {
      format: 'complex',
      user: { format: 'opaque', id: account.id },
      tenant: { format: 'opaque', id: organizationId },
      ...(sessionId ? { session: { format: 'opaque', id: sessionId } } : {}),
    };
  }

  /** The `org` claim of an access token: the tenant of the account's SETs. */
  function organizationId(accessToken: string): string {
    return (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { org: string }).org;
  }

  it('sign-out, ending a session from the list and refresh-token reuse: CAEP session-revoked, one per session', async () => {
    const account = await createAccount(stack, acme);
    const [laptop, phone, tablet] = [await signIn(stack, account), await signIn(stack, account), await signIn(stack, account)];
    const org = organizationId(laptop.accessToken);
    await stack.http().post('/v1/auth/sign-out').set('authorization', bearer(laptop.accessToken)).expect(204);
    await stack.http().delete(`/v1/me/sessions/${phone.sessionId}`).set('authorization', bearer(tablet.accessToken)).expect(204);
    await stack.http().post('/v1/auth/refresh').send({ refreshToken: tablet.refreshToken }).expect(200);
    await stack.http().post('/v1/auth/refresh').send({ refreshToken: tablet.refreshToken }).expect(401);
    const sets = await setsAbout(account, 3);
    expect(sets.map((set) => set.type)).toEqual([SESSION_REVOKED, SESSION_REVOKED, SESSION_REVOKED]);
    expect(sets.map((set) => set.claims.sub_id)).toEqual([
      subject(account, org, laptop.sessionId),
      subject(account, org, phone.sessionId),
      subject(account, org, tablet.sessionId),
    ]);
    expect(sets.map((set) => set.event.initiating_entity)).toEqual(['user', 'user', 'policy']);
    for (const set of sets) {
      expect(set.event).toEqual({
        event_timestamp: expect.any(Number),
        initiating_entity: expect.any(String),
        reason_admin: { en: expect.any(String) },
      });
      expect(Math.abs(set.claims.iat - Date.now() / 1000)).toBeLessThan(60);
    }
    // Three actions, three txn values.
    expect(new Set(sets.map((set) => set.claims.txn)).size).toBe(3);
  });

  it('a password change that expires everything: credential-change, then session-revoked for each session, one txn', async () => {
    const account = await createAccount(stack, acme);
    const [current, other] = [await signIn(stack, account), await signIn(stack, account)];
    await stack
      .http()
      .post('/v1/me/password')
      .set('authorization', bearer(current.accessToken))
      .send({ currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true })
      .expect(204);
    const sets = await setsAbout(account, 3);
    expect(sets.map((set) => set.type)).toEqual([CREDENTIAL_CHANGE, SESSION_REVOKED, SESSION_REVOKED]);
    expect(sets[0].event).toMatchObject({ credential_type: 'password', change_type: 'update', initiating_entity: 'user' });
    expect(
      sets
        .slice(1)
        .map((set) => (set.claims.sub_id.session as { id: string }).id)
        .sort(),
    ).toEqual([current.sessionId, other.sessionId].sort());
    expect(new Set(sets.map((set) => set.claims.txn))).toEqual(new Set([sets[0].claims.txn]));
    expect(sets[0].claims.txn).toEqual(expect.any(String));
  });

  it('a reset through a link: credential-change and the open sessions revoked, one txn', async () => {
    const account = await createAccount(stack, acme);
    const session = await signIn(stack, account);
    await stack.http().post('/v1/password-resets').send({ organization: acme, email: account.email }).expect(202);
    const [mail] = await stack.mail.waitFor(account.email);
    await stack
      .http()
      .post('/v1/password-resets/confirm')
      .send({ token: tokenFrom(mail), newPassword: strongPassword() })
      .expect(204);
    const sets = await setsAbout(account, 2);
    expect(sets.map((set) => set.type)).toEqual([CREDENTIAL_CHANGE, SESSION_REVOKED]);
    expect(sets[0].event).toMatchObject({ credential_type: 'password', change_type: 'update' });
    expect(sets[1].claims.sub_id.session).toEqual({ format: 'opaque', id: session.sessionId });
    expect(sets[1].claims.txn).toBe(sets[0].claims.txn);
  });

  it('a lock by failed sign-ins, and an administrator requiring a reset: RISC account-credential-change-required', async () => {
    const locked = await createAccount(stack, acme);
    for (let i = 0; i < 5; i++) {
      await stack
        .http()
        .post('/v1/auth/sign-in')
        .send({ organization: acme, email: locked.email, password: `wrong-${randomUUID()}` });
    }
    const [lock] = await setsAbout(locked, 1);
    expect(lock.type).toBe(ACCOUNT_CREDENTIAL_CHANGE_REQUIRED);
    expect(lock.event).toMatchObject({ initiating_entity: 'policy' });

    const required = await createAccount(stack, acme);
    await stack
      .http()
      .post(`/v1/organizations/${acme}/accounts/${required.id}/require-reset`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    const [requirement] = await setsAbout(required, 1);
    expect(requirement.type).toBe(ACCOUNT_CREDENTIAL_CHANGE_REQUIRED);
    expect(requirement.event).toMatchObject({ initiating_entity: 'admin' });
    expect(requirement.claims.sub_id).toMatchObject({ format: 'complex', user: { format: 'opaque', id: required.id } });
  });

  it('an administrator expiring sessions and tokens: session-revoked for each session, initiated by the admin', async () => {
    const account = await createAccount(stack, acme);
    await signIn(stack, account);
    await signIn(stack, account);
    await stack
      .http()
      .post(`/v1/organizations/${acme}/accounts/${account.id}/expire-sessions`)
      .set('authorization', adminAuth(stack))
      .expect(204);
    const sets = await setsAbout(account, 2);
    expect(sets.map((set) => [set.type, set.event.initiating_entity])).toEqual([
      [SESSION_REVOKED, 'admin'],
      [SESSION_REVOKED, 'admin'],
    ]);
    expect(sets[1].claims.txn).toBe(sets[0].claims.txn);
  });

  it('an API token created and revoked: credential-change (api-key, create then revoke), never its secret', async () => {
    const account = await createAccount(stack, acme);
    const session = await signIn(stack, account);
    const created = await stack
      .http()
      .post('/v1/me/api-tokens')
      .set('authorization', bearer(session.accessToken))
      .send({ name: 'ci' })
      .expect(201);
    await stack.http().delete(`/v1/me/api-tokens/${created.body.id}`).set('authorization', bearer(session.accessToken)).expect(204);
    const sets = await setsAbout(account, 2);
    expect(sets.map((set) => [set.type, set.event.credential_type, set.event.change_type])).toEqual([
      [CREDENTIAL_CHANGE, 'api-key', 'create'],
      [CREDENTIAL_CHANGE, 'api-key', 'revoke'],
    ]);
    expect(sets[0].event).toMatchObject({ friendly_name: 'ci', api_token_id: created.body.id });
    for (const set of sets) expect(set.raw + JSON.stringify(set.claims)).not.toContain(created.body.token);
  });

  it("never shows one organization's events to another's stream", async () => {
    // Everything above happened in acme; globex's stream, subscribed to all of globex, received nothing.
    const account = await createAccount(stack, acme);
    await stack
      .http()
      .post('/v1/auth/sign-out')
      .set('authorization', bearer((await signIn(stack, account)).accessToken))
      .expect(204);
    await setsAbout(account, 1);
    expect(globexReceiver.attempts).toEqual([]);
  });
});
