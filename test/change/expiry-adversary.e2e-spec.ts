import { performance } from 'node:perf_hooks';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { adminAuth, createAccount, createOrganization, strongPassword, type TestAccount } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';

/** What the adversary holds after a round: every credential it was ever given, and when. */
interface Minted {
  kind: 'api-token' | 'refreshed' | 'signed-in';
  accessToken: string;
  refreshToken?: string;
  /** The credential version the access token names (API tokens: the one of the access token that made them). */
  version: number;
  startedAt: number;
  answeredAt: number;
}

const ROUNDS = 20;
const API_TOKEN_LOOPS = 4;

const claims = (jwt: string): { cv: number } => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

/**
 * The central promise, tried as an attacker would: while instance A expires an account's
 * credentials (the administrator's "expire sessions", or a password change with the option),
 * instance B is hammered with that account's credentials — four loops minting API tokens with an
 * access token, one rotating refresh tokens, one signing in with the password. After the 204, not
 * one credential minted in the old era works, on either instance, before the revocation worker
 * has run and after it. No worker runs during the rounds, so nothing here leans on the clean-up.
 */
describe('"expire sessions and tokens" against credentials minted while it runs (two API instances)', () => {
  let stack: TestStack;
  const eras: Array<{
    account: TestAccount;
    oldVersion: number;
    expiry: 'admin' | 'change';
    minted: Minted[];
    expiredAt: number;
    expiryStartedAt: number;
  }> = [];

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false, env: { RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi();
  });
  afterAll(() => stack?.close());

  const A = 0;
  const B = 1;
  const me = (instance: number, token: string) => stack.http(instance).get('/v1/me').set('authorization', `Bearer ${token}`);

  async function round(index: number): Promise<void> {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    const credentials = { organization, email: account.email, password: account.password };
    const first = (await stack.http(B).post('/v1/auth/sign-in').send(credentials).expect(200)).body;
    const changer = (await stack.http(A).post('/v1/auth/sign-in').send(credentials).expect(200)).body;
    const oldVersion = claims(first.accessToken).cv;
    const expiry: 'admin' | 'change' = index % 2 === 0 ? 'admin' : 'change';
    const minted: Minted[] = [
      {
        kind: 'signed-in',
        accessToken: first.accessToken,
        refreshToken: first.refreshToken,
        version: oldVersion,
        startedAt: 0,
        answeredAt: 0,
      },
    ];
    let expiredAt = Number.POSITIVE_INFINITY;
    let answeredAfter = 0;
    const done = () => answeredAfter >= 3 * (API_TOKEN_LOOPS + 2);
    const record = (entry: Minted) => {
      minted.push(entry);
      if (entry.answeredAt > expiredAt) answeredAfter++;
    };

    const mintApiTokens = async (loop: number) => {
      for (let n = 0; !done(); n++) {
        const startedAt = performance.now();
        const response = await stack
          .http(B)
          .post('/v1/me/api-tokens')
          .set('authorization', `Bearer ${first.accessToken}`)
          .send({ name: `loop-${loop}-${n}` });
        const answeredAt = performance.now();
        if (response.status === 201)
          record({ kind: 'api-token', accessToken: response.body.token, version: oldVersion, startedAt, answeredAt });
        else if (answeredAt > expiredAt) answeredAfter++;
      }
    };
    const rotate = async () => {
      let refreshToken: string = first.refreshToken;
      while (!done()) {
        const startedAt = performance.now();
        const response = await stack.http(B).post('/v1/auth/refresh').send({ refreshToken });
        const answeredAt = performance.now();
        if (response.status !== 200) {
          if (answeredAt > expiredAt) answeredAfter++;
          continue;
        }
        refreshToken = response.body.refreshToken;
        record({
          kind: 'refreshed',
          accessToken: response.body.accessToken,
          refreshToken,
          version: claims(response.body.accessToken).cv,
          startedAt,
          answeredAt,
        });
      }
    };
    const signIns = async () => {
      while (!done()) {
        const startedAt = performance.now();
        const response = await stack.http(B).post('/v1/auth/sign-in').send(credentials);
        const answeredAt = performance.now();
        if (response.status === 200) {
          record({
            kind: 'signed-in',
            accessToken: response.body.accessToken,
            refreshToken: response.body.refreshToken,
            version: claims(response.body.accessToken).cv,
            startedAt,
            answeredAt,
          });
        } else if (answeredAt > expiredAt) answeredAfter++;
      }
    };

    const loops = [...Array.from({ length: API_TOKEN_LOOPS }, (_, loop) => mintApiTokens(loop)), rotate(), signIns()];
    // The expiry goes out once the adversary is in full swing.
    await eventually(() => minted.filter((m) => m.kind === 'api-token').length >= 3, 'the adversary to mint its first API tokens');
    const expiryStartedAt = performance.now();
    if (expiry === 'admin') {
      await stack
        .http(A)
        .post(`/v1/organizations/${organization}/accounts/${account.id}/expire-sessions`)
        .set('authorization', adminAuth(stack))
        .expect(204);
    } else {
      await stack
        .http(A)
        .post('/v1/me/password')
        .set('authorization', `Bearer ${changer.accessToken}`)
        .send({ currentPassword: account.password, newPassword: strongPassword(), expireSessionsAndTokens: true })
        .expect(204);
    }
    expiredAt = performance.now();
    await Promise.all(loops);
    eras.push({ account, oldVersion, expiry, minted, expiredAt, expiryStartedAt });
    await expectNoneOfTheOldEraWorks(eras[eras.length - 1]);
  }

  /**
   * The old era: every API token (made with the old access token), every refreshed pair (the old
   * session), and every sign-in that names the old credential version. A sign-in that names a newer
   * version was opened after the expiry with a password that was still right (the administrator's
   * expiry keeps the password); after a change no sign-in with the old password may succeed at all.
   */
  function oldEra(era: (typeof eras)[number]): Minted[] {
    return era.minted.filter((m) => m.kind !== 'signed-in' || era.expiry === 'change' || m.version === era.oldVersion);
  }

  async function expectNoneOfTheOldEraWorks(era: (typeof eras)[number]): Promise<void> {
    const accepted: string[] = [];
    for (const credential of oldEra(era)) {
      for (const instance of [A, B]) {
        const status = (await me(instance, credential.accessToken)).status;
        if (status !== 401) accepted.push(`${credential.kind} on ${instance === A ? 'A' : 'B'}: ${status}`);
      }
      if (credential.refreshToken) {
        const status = (await stack.http(B).post('/v1/auth/refresh').send({ refreshToken: credential.refreshToken })).status;
        if (status !== 401) accepted.push(`${credential.kind}'s refresh token: ${status}`);
      }
    }
    expect(accepted).toEqual([]);
    if (era.expiry === 'change') expect(era.minted.filter((m) => m.kind === 'signed-in' && m.version !== era.oldVersion)).toEqual([]);
  }

  it(`leaves nothing of the old era alive after the 204, in ${ROUNDS} rounds: before the revocation worker runs, after it, and nothing unrevoked in PostgreSQL`, async () => {
    for (let index = 0; index < ROUNDS; index++) await round(index);
    // The rounds were races: in most of them, requests were in flight across the expiry.
    const straddling = eras.map(
      (era) => era.minted.filter((m) => m.startedAt < era.expiredAt && m.answeredAt > era.expiryStartedAt).length,
    );
    expect(straddling.filter((count) => count > 0).length).toBeGreaterThanOrEqual(ROUNDS / 2);

    await stack.startWorker();
    const em = stack.api.get(MikroORM).em.fork() as EntityManager;
    const accountIds = eras.map((era) => era.account.id);
    await eventually(
      async () => {
        const [{ ended }] = await em.execute<Array<{ ended: string }>>(
          'select count(*) as ended from sessions where account_id in (?) and ended_at is not null',
          [accountIds],
        );
        return Number(ended) === 0;
      },
      'the revocation worker to clean up every expired account',
      60_000,
    );
    for (const era of eras) await expectNoneOfTheOldEraWorks(era);
    const unrevoked = await em.execute('select id from api_tokens where account_id in (?) and revoked_at is null', [accountIds]);
    expect(unrevoked).toEqual([]);
  }, 300_000);
});
