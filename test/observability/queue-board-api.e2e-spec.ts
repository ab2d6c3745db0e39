import type { Job } from 'bullmq';
import { MAIL_QUEUE, QUEUE_BOARD_PATH, QueueRegistry } from '#libs/platform';
import { eventually } from '../support/eventually.js';
import { createAccount, createOrganization } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';

/**
 * The queue board (docs/operations.md#queue-board) at /admin/queues: only the administration key
 * opens it (Bearer for scripts, HTTP Basic for browsers), it lists the queues of the QueueRegistry,
 * and a waiting reset mail shows without its link.
 */
describe('queue board', () => {
  let stack: TestStack;
  const basic = (password: string): string => `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
  const bearer = (): string => `Bearer ${stack.config.ADMIN_API_KEY}`;
  const board = (path = '') => `${QUEUE_BOARD_PATH}${path}`;

  beforeAll(async () => {
    // No worker: a reset mail stays waiting in its queue, link and all, as it does while the worker is down.
    stack = await TestStack.start({ worker: false });
  });
  afterAll(() => stack.close());

  it('answers 401 with a Basic challenge without the administration key, on the page and on its JSON API', async () => {
    const refused = [
      undefined,
      `Bearer ${stack.config.SERVICE_API_KEY}`,
      basic(stack.config.SERVICE_API_KEY),
      basic('wrong-key-wrong-key'),
    ];
    for (const path of ['', '/', '/api/queues', '/api/redis/stats', '/static/js/missing.js', '/queue/mail']) {
      for (const authorization of refused) {
        const call = stack.http().get(board(path));
        const response = await (authorization ? call.set('authorization', authorization) : call);
        expect({ path, authorization, status: response.status }).toEqual({ path, authorization, status: 401 });
        expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Latchkey queues"/);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('serves the board with the key as a bearer token or as the Basic password', async () => {
    for (const authorization of [bearer(), basic(stack.config.ADMIN_API_KEY)]) {
      const page = await stack.http().get(board()).set('authorization', authorization).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>Latchkey</title>');
      await stack.http().get(board('/api/queues')).set('authorization', authorization).expect(200);
    }
  });

  it("lists the outbox's queues and any other the registry has opened", async () => {
    const names = async () => {
      const response = await stack.http().get(board('/api/queues')).set('authorization', bearer()).expect(200);
      return (response.body.queues as Array<{ name: string }>).map((queue) => queue.name).sort();
    };
    expect(await names()).toEqual(['mail', 'revocation']);
    stack.api.get(QueueRegistry).get('acme-reports');
    expect(await names()).toEqual(['acme-reports', 'mail', 'revocation']);
  });

  it('shows a waiting reset mail without its link, while the job itself keeps it', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);
    const queue = stack.api.get(QueueRegistry).get(MAIL_QUEUE);
    const job: Job = await eventually(async () => (await queue.getJobs(['waiting'])).find((waiting) => waiting.data.to === account.email));
    const link = String(job.data.link);
    const token = link.split('#token=')[1];
    expect(token?.length).toBeGreaterThan(20);

    const listing = await stack
      .http()
      .get(board('/api/queues'))
      .query({ activeQueue: MAIL_QUEUE, status: 'waiting', page: 1, jobsPerPage: 50 })
      .set('authorization', bearer())
      .expect(200);
    const detail = await stack
      .http()
      .get(board(`/api/queues/${MAIL_QUEUE}/${job.id}`))
      .set('authorization', bearer())
      .expect(200);
    for (const answer of [listing.text, detail.text]) {
      expect(answer).toContain(account.email);
      expect(answer).not.toContain(token);
    }
    const shown = (listing.body.queues as Array<{ name: string; jobs: Array<{ id: string; data: Record<string, unknown> }> }>)
      .find((listed) => listed.name === MAIL_QUEUE)
      ?.jobs.find((listed) => listed.id === job.id);
    expect(shown?.data).toMatchObject({ to: account.email, link: '[redacted]' });
    expect(detail.body.job.data).toMatchObject({ to: account.email, link: '[redacted]' });
    expect((await queue.getJob(String(job.id)))?.data.link).toBe(link);
  });

  it('refuses a change sent by another site, and accepts it from the board itself', async () => {
    const pause = () =>
      stack
        .http()
        .put(board(`/api/queues/${MAIL_QUEUE}/pause`))
        .set('authorization', bearer());
    const queue = stack.api.get(QueueRegistry).get(MAIL_QUEUE);
    const refused = await pause().set('sec-fetch-site', 'cross-site').expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await queue.isPaused()).toBe(false);
    await pause().set('sec-fetch-site', 'same-origin').expect(200);
    expect(await queue.isPaused()).toBe(true);
    await stack
      .http()
      .put(board(`/api/queues/${MAIL_QUEUE}/resume`))
      .set('authorization', bearer())
      .expect(200);
    expect(await queue.isPaused()).toBe(false);
  });
});
