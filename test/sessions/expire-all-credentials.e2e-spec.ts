import { EntityManager } from '@mikro-orm/postgresql';
import { SessionCommands } from '#libs/sessions';
import { eventually } from '../support/eventually.js';
import { TestStack } from '../support/test-stack.js';
import { bearer, openSession, type SignedIn } from './open-session.js';

describe('expireAllCredentials', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ env: { RATE_LIMIT_ENABLED: 'false' } });
    await stack.startApi();
  });
  afterAll(() => stack.close());

  const use = (instance: number, token: string) =>
    stack
      .http(instance)
      .get('/v1/me/sessions')
      .set(...bearer(token));
  const expireAll = (accountId: string) =>
    stack.api
      .get(EntityManager)
      .fork()
      .transactional(() => stack.api.get(SessionCommands).expireAllCredentials(accountId, 'test'));

  async function apiToken(signedIn: SignedIn): Promise<string> {
    const created = await stack
      .http()
      .post('/v1/me/api-tokens')
      .set(...bearer(signedIn.accessToken))
      .send({ name: 'ci' })
      .expect(201);
    return created.body.token;
  }

  it('refuses every access, refresh and API token of the account on both instances at once, with the worker stopped', async () => {
    await stack.stopWorker();
    const laptop = await openSession(stack.apis[0]);
    const phone = await openSession(stack.apis[1], laptop);
    const token = await apiToken(laptop);
    const bystander = await openSession(stack.api);
    // Both instances have checked (and cached) every credential.
    for (const instance of [0, 1]) {
      for (const credential of [laptop.accessToken, phone.accessToken, token]) await use(instance, credential).expect(200);
    }

    await expireAll(laptop.accountId);

    for (const instance of [0, 1]) {
      for (const credential of [laptop.accessToken, phone.accessToken, token]) {
        const response = await use(instance, credential).expect(401);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
      await stack
        .http(instance)
        .post('/v1/tokens/introspect')
        .set('authorization', `Bearer ${stack.config.SERVICE_API_KEY}`)
        .send({ token })
        .expect(200, { active: false });
    }
    await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
    await stack.http(0).post('/v1/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
    await use(1, bystander.accessToken).expect(200);
  });

  it('lets the account sign in again afterwards; the clean-up job keeps the new credentials and drops the old rows', async () => {
    await stack.stopWorker();
    const old = await openSession(stack.api);
    const oldToken = await apiToken(old);
    await expireAll(old.accountId);

    const renewed = await openSession(stack.api, old);
    const newToken = await apiToken(renewed);
    await use(1, renewed.accessToken).expect(200);
    await use(0, newToken).expect(200);

    await stack.startWorker();
    const em = stack.api.get(EntityManager).fork();
    await eventually(async () => {
      const rows = await em.execute('select id from sessions where id = ?', [old.sessionId]);
      return rows.length === 0 ? true : undefined;
    }, 'the clean-up job to delete the old session row');
    for (const instance of [0, 1]) {
      await use(instance, old.accessToken).expect(401);
      await use(instance, oldToken).expect(401);
      await use(instance, renewed.accessToken).expect(200);
      await use(instance, newToken).expect(200);
    }
    const refreshed = await stack.http(1).post('/v1/auth/refresh').send({ refreshToken: renewed.refreshToken }).expect(200);
    await use(0, refreshed.body.accessToken).expect(200);
  });

  it('rolls back with the caller: an expiry in a failed transaction changes nothing', async () => {
    const signedIn = await openSession(stack.api);
    const token = await apiToken(signedIn);
    const failing = stack.api
      .get(EntityManager)
      .fork()
      .transactional(async () => {
        await stack.api.get(SessionCommands).expireAllCredentials(signedIn.accountId, 'test');
        throw new Error('the caller failed after the expiry');
      });
    await expect(failing).rejects.toThrow('the caller failed');
    await use(1, signedIn.accessToken).expect(200);
    await use(0, token).expect(200);
  });
});
