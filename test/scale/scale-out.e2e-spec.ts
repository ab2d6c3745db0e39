import { performance } from 'node:perf_hooks';
import { tokenFrom } from '../identity/mail-links.js';
import { eventually } from '../support/eventually.js';
import { strongPassword, uniqueName } from '../support/fixtures.js';
import { type Answer, ScaleDeployment } from './scale-deployment.js';

/**
 * docs/scaling.md on the engines underneath, from the built entry points: two API processes and two
 * workers on a Redis Cluster (3 masters, 3 replicas) and a PostgreSQL primary with a streaming
 * replica. The mission story runs across the instances twice: once on a healthy cluster, once with
 * the master holding the installation's slot killed right after a change with expiry. Whatever was
 * revoked in either pass must stay refused on both instances, during the failover and after it.
 */
const A = 0;
const B = 1;
const INSTANCES = [A, B];

interface Session {
  accessToken: string;
  refreshToken: string;
}

interface Sample {
  sentAt: number;
  status: number;
}

let lastAddress = 10;
/** A client address of its own (loopback, 127.0.1.x), so each step meets the per-address limits afresh. */
const freshAddress = () => `127.0.1.${++lastAddress}`;

function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

describe('scaled out: 2 APIs and 2 workers on a Redis Cluster and a PostgreSQL replica', () => {
  let deployment: ScaleDeployment;
  const admin = ScaleDeployment.keys.ADMIN_API_KEY;
  const service = ScaleDeployment.keys.SERVICE_API_KEY;
  /** Every credential the story revoked, in either pass. */
  const revoked: Array<{ what: string; bearer?: string; refreshToken?: string }> = [];

  beforeAll(async () => {
    deployment = await ScaleDeployment.start();
  }, 150_000);
  afterAll(() => deployment?.stop(), 60_000);

  /** A failed wait names what the services logged meanwhile: the cause is in the processes, not in the test. */
  async function withLogsOnFailure<T>(wait: () => Promise<T>): Promise<T> {
    try {
      return await wait();
    } catch (error) {
      const tail = (log: string) =>
        log
          .split('\n')
          .filter((line) => !line.includes('InstanceLoader'))
          .slice(-40)
          .join('\n');
      const services: Array<[string, string]> = [
        ...deployment.apiProcesses.map((api, index): [string, string] => [`API ${index}`, api.log]),
        ...deployment.workers.map((worker, index): [string, string] => [`worker ${index}`, worker.log]),
      ];
      const logs = services.map(([name, log]) => `--- ${name} (last 40 lines) ---\n${tail(log)}`);
      const outbox = await deployment.outboxState().catch((reason: Error) => `(not read: ${reason.message})`);
      throw new Error(`${(error as Error).message}\n--- outbox ---\n${outbox}\n${logs.join('\n')}`);
    }
  }

  const call = (instance: number, method: string, path: string, options?: Parameters<ScaleDeployment['call']>[3]) =>
    deployment.call(instance, method, path, options);

  async function signIn(
    instance: number,
    account: { organization: string; email: string; password: string },
    from: string,
  ): Promise<Session> {
    const answer = await call(instance, 'POST', '/v1/auth/sign-in', {
      body: { organization: account.organization, email: account.email, password: account.password },
      from,
    });
    return expectStatus(answer, 200, `sign-in on instance ${instance}`).body;
  }

  const me = (instance: number, bearer: string) => call(instance, 'GET', '/v1/me', { bearer });

  /** Each revoked credential, on each instance: anything but a 401 is named. */
  async function revokedAccepted(): Promise<string[]> {
    const from = freshAddress();
    const accepted: string[] = [];
    for (const { what, bearer, refreshToken } of revoked) {
      for (const instance of INSTANCES) {
        if (bearer) {
          const { status } = await me(instance, bearer);
          if (status !== 401) accepted.push(`${what} on instance ${instance}: ${status}`);
        }
      }
      if (refreshToken) {
        const { status } = await call(B, 'POST', '/v1/auth/refresh', { body: { refreshToken }, from });
        if (status !== 401) accepted.push(`${what} (refresh) : ${status}`);
      }
    }
    return accepted;
  }

  function hammer(instance: number, bearers: string[]) {
    const samples: Sample[] = [];
    const seen = new Map<string, number[]>();
    let running = true;
    const loops = bearers.flatMap((bearer) =>
      [0, 1].map(async () => {
        while (running) {
          const sentAt = performance.now();
          const { status } = await me(instance, bearer).catch(() => ({ status: 0 }));
          samples.push({ sentAt, status });
          seen.set(bearer, [...(seen.get(bearer) ?? []), status]);
        }
      }),
    );
    return {
      samples,
      everyBearerAccepted: () => bearers.every((bearer) => seen.get(bearer)?.includes(200)),
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  function story(pass: 'healthy' | 'failover') {
    const account = { id: '', organization: uniqueName(), email: `${uniqueName('scale')}@example.com`, password: strongPassword() };
    const mailedTokens: string[] = [];
    let early: Session[] = [];

    /**
     * The reset token of the newest e-mail to the account that carries one not seen before. The bound covers
     * the lock notice's designed fallback: a notice the work deferred after the answer did not send is sent
     * by LockNoticeSweeper within its 30 s round — still once.
     */
    const nextMailedToken = () =>
      withLogsOnFailure(() =>
        eventually(
          () => {
            const tokens = deployment.mail
              .to(account.email)
              .flatMap((mail) => (/reset-password#token=/.test(mail.text) ? [tokenFrom(mail)] : []));
            const fresh = tokens.find((token) => !mailedTokens.includes(token));
            if (fresh) mailedTokens.push(fresh);
            return fresh;
          },
          'a new reset link by e-mail',
          45_000,
        ),
      );

    it('creates an organization on A and an account on B; it signs in on both and is recognised on the other', async () => {
      expectStatus(
        await call(A, 'POST', '/v1/organizations', { bearer: admin, body: { name: account.organization, displayName: 'Scale' } }),
        201,
        'organization',
      );
      account.id = expectStatus(
        await call(B, 'POST', `/v1/organizations/${account.organization}/accounts`, {
          bearer: admin,
          body: { email: account.email, password: account.password },
        }),
        201,
        'account',
      ).body.id;
      const from = freshAddress();
      early = [await signIn(A, account, from), await signIn(B, account, from)];
      expectStatus(await me(B, early[0].accessToken), 200, 'A’s session on B');
      expectStatus(await me(A, early[1].accessToken), 200, 'B’s session on A');
    });

    it('counts failed sign-ins across instances: the fifth locks the account, and the lock is mailed once with a reset link', async () => {
      const from = freshAddress();
      const wrong = { ...account, password: 'Wrong-Passw0rd!x' };
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push(
          (
            await call(attempt % 2, 'POST', '/v1/auth/sign-in', {
              body: { organization: wrong.organization, email: wrong.email, password: wrong.password },
              from,
            })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      for (const instance of INSTANCES) {
        const locked = await call(instance, 'POST', '/v1/auth/sign-in', {
          body: { organization: account.organization, email: account.email, password: account.password },
          from,
        });
        expect(locked.body).toMatchObject({ status: 423, code: 'PASSWORD_RESET_REQUIRED' });
      }
      await nextMailedToken();
    }, 90_000);

    it('resets from the e-mailed link: of six confirms racing on both instances exactly one wins', async () => {
      const from = freshAddress();
      const [token] = mailedTokens.slice(-1);
      expectStatus(await call(B, 'POST', '/v1/password-resets/verify', { body: { token }, from }), 200, 'verify');
      const passwords = Array.from({ length: 6 }, () => strongPassword());
      const answers = await Promise.all(
        passwords.map((newPassword, index) =>
          call(index % 2, 'POST', '/v1/password-resets/confirm', { body: { token, newPassword }, from }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect([...statuses].sort()).toEqual([204, 410, 410, 410, 410, 410]);
      const previous = account.password;
      account.password = passwords[statuses.indexOf(204)];
      for (const instance of INSTANCES) await signIn(instance, account, from);
      for (const [password, instance] of [
        [previous, A],
        [passwords[statuses.indexOf(410)], B],
      ] as const) {
        expectStatus(
          await call(instance, 'POST', '/v1/auth/sign-in', {
            body: { organization: account.organization, email: account.email, password },
            from,
          }),
          401,
          'an old or losing password',
        );
      }
      for (const [index, session] of early.entries())
        revoked.push({
          what: `${pass}: session ${index} before the reset`,
          bearer: session.accessToken,
          refreshToken: session.refreshToken,
        });
      expect(await revokedAccepted()).toEqual([]);
    });

    it(
      pass === 'healthy'
        ? 'changes the password with expiry on A while B is hammered: from the 204 on, B refuses every old credential'
        : 'changes the password with expiry on A while B is hammered, and the Redis master holding the installation dies right after the 204: no old credential comes back, during the failover or after it',
      async () => {
        const from = freshAddress();
        const sessions = [await signIn(A, account, from), await signIn(B, account, from), await signIn(B, account, from)];
        const created = expectStatus(
          await call(B, 'POST', '/v1/me/api-tokens', { bearer: sessions[1].accessToken, body: { name: 'deploy' } }),
          201,
          'API token',
        ).body;
        const bearers = [sessions[1].accessToken, sessions[2].accessToken, created.token as string];
        const load = hammer(B, bearers);
        await eventually(load.everyBearerAccepted, 'B to accept every credential under load');
        const master = await deployment.cluster.masterForKey(`${deployment.prefix}:cache-trust`);

        const newPassword = strongPassword();
        const change = await call(A, 'POST', '/v1/me/password', {
          bearer: sessions[0].accessToken,
          body: { currentPassword: account.password, newPassword, expireSessionsAndTokens: true },
        });
        const answeredAt = performance.now();
        expectStatus(change, 204, 'change with expiry');
        account.password = newPassword;
        for (const [index, session] of sessions.entries())
          revoked.push({
            what: `${pass}: session ${index} before the change`,
            bearer: session.accessToken,
            refreshToken: session.refreshToken,
          });
        revoked.push({ what: `${pass}: API token before the change`, bearer: created.token });

        let settledAt = answeredAt;
        if (pass === 'failover') {
          await deployment.cluster.killMaster(master);
          // While the cluster has no master for the slot: everything revoked so far, in either pass.
          expect(await revokedAccepted()).toEqual([]);
          await deployment.cluster.waitForFailover(master, `${deployment.prefix}:cache-trust`);
          settledAt = performance.now();
        }
        await eventually(
          () => load.samples.filter((sample) => sample.sentAt > settledAt).length >= 30,
          '30 requests to B after the change (and the failover)',
        );
        await load.stop();

        const after = load.samples.filter((sample) => sample.sentAt > answeredAt);
        expect(after.filter((sample) => sample.status !== 401)).toEqual([]);
        expect(await revokedAccepted()).toEqual([]);
        await signIn(B, account, from);
      },
      90_000,
    );

    it('API tokens: created on A, accepted and introspected on B, revoked on B and refused by A at once', async () => {
      const session = await signIn(A, account, freshAddress());
      const created = expectStatus(
        await call(A, 'POST', '/v1/me/api-tokens', { bearer: session.accessToken, body: { name: 'ci' } }),
        201,
        'API token',
      ).body;
      expectStatus(await me(B, created.token), 200, 'the new API token on B');
      const active = await call(B, 'POST', '/v1/tokens/introspect', { bearer: service, body: { token: created.token } });
      expect(active.body).toMatchObject({ active: true, sub: account.id, token_type: 'api_token', jti: created.id });
      expectStatus(await call(B, 'DELETE', `/v1/me/api-tokens/${created.id}`, { bearer: session.accessToken }), 204, 'revoke');
      expectStatus(await me(A, created.token), 401, 'the revoked API token on A');
      expect((await call(A, 'POST', '/v1/tokens/introspect', { bearer: service, body: { token: created.token } })).body).toEqual({
        active: false,
      });
      revoked.push({ what: `${pass}: revoked API token`, bearer: created.token });
    });

    it('mails a reset requested on B exactly once (two workers), and the link works on A', async () => {
      const from = freshAddress();
      expectStatus(
        await call(B, 'POST', '/v1/password-resets', { body: { organization: account.organization, email: account.email }, from }),
        202,
        'reset request',
      );
      const token = await nextMailedToken();
      account.password = strongPassword();
      expectStatus(
        await call(A, 'POST', '/v1/password-resets/confirm', { body: { token, newPassword: account.password }, from }),
        204,
        'confirm',
      );
      await signIn(B, account, from);
      for (const mailed of mailedTokens)
        expect(deployment.mail.to(account.email).filter((mail) => mail.text.includes(mailed))).toHaveLength(1);
    });

    it('tells the story in the audit trail, read from the replica: the same on both instances, lagging while replay is paused', async () => {
      const trail = async (instance: number): Promise<string[]> =>
        expectStatus(
          await call(instance, 'GET', `/v1/organizations/${account.organization}/security-events?accountId=${account.id}`, {
            bearer: admin,
          }),
          200,
          'trail',
        ).body.events.map((event: { type: string }) => event.type);
      await deployment.postgres.waitForReplay();
      const told = await trail(A);
      expect(await trail(B)).toEqual(told);
      expect(new Set(told)).toEqual(
        new Set([
          'account.created',
          'sign-in.succeeded',
          'sign-in.failed',
          'account.locked',
          'password-reset.requested',
          'password-reset.completed',
          'password.changed',
          'credentials.expired',
          'api-token.created',
          'api-token.revoked',
        ]),
      );

      await deployment.postgres.pauseReplay();
      try {
        await signIn(A, account, freshAddress());
        expect(await trail(B)).toEqual(told);
      } finally {
        await deployment.postgres.resumeReplay();
      }
      await deployment.postgres.waitForReplay();
      expect(await trail(B)).toEqual(['sign-in.succeeded', ...told]);
    });

    it('counts per-address rate limits across both instances: the 31st sign-in a minute is refused on either', async () => {
      const from = freshAddress();
      // A new unknown identity each time: the limit counted is the address's, not an identity's lockout.
      const attempt = (instance: number, address = from) =>
        call(instance, 'POST', '/v1/auth/sign-in', {
          body: { organization: 'no-such-org', email: `${uniqueName('nobody')}@example.com`, password: 'Wrong-Passw0rd!x' },
          from: address,
        });
      const statuses: number[] = [];
      for (let index = 0; index < 30; index++) statuses.push((await attempt(index % 2)).status);
      expect(statuses.filter((status) => status === 429)).toEqual([]);
      for (const instance of INSTANCES) {
        const limited = await attempt(instance);
        expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect((await attempt(A, freshAddress())).status).toBe(401);
    });
  }

  describe('on a healthy cluster', () => story('healthy'));

  describe('with a Redis master killed mid-story', () => story('failover'));

  it('ends with nothing revoked accepted, a healthy cluster reported by both instances, and every process running', async () => {
    expect(revoked.length).toBeGreaterThan(10);
    expect(await revokedAccepted()).toEqual([]);
    for (const base of deployment.apis) {
      const health = await eventually(async () => {
        const response = await fetch(`${base}/health`);
        return response.status === 200 && ((await response.json()) as { info: Record<string, unknown> });
      }, `${base}/health to answer 200`);
      expect(health.info.redis).toEqual({ status: 'up', cluster_state: 'ok' });
    }
    for (const service of [...deployment.apiProcesses, ...deployment.workers]) expect(service.child.exitCode).toBeNull();
  });
});
