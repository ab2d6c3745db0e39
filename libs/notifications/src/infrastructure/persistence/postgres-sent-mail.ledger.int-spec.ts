import { MikroORM } from '@mikro-orm/postgresql';
import { databaseOptions, loadConfig } from '#libs/platform';
import { createTestDatabase } from '../../../../../test/support/test-database.js';
import { PostgresSentMailLedger } from './postgres-sent-mail.ledger.js';

describe('PostgresSentMailLedger', () => {
  let orm: MikroORM;
  let ledger: PostgresSentMailLedger;

  beforeAll(async () => {
    orm = await MikroORM.init(databaseOptions(loadConfig({ DATABASE_URL: await createTestDatabase(), LOG_LEVEL: 'silent' })));
    ledger = new PostgresSentMailLedger(orm);
  });
  afterAll(() => orm.close());

  it('lets exactly one of many concurrent attempts claim a job', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => ledger.claim('job-race', 'password-reset', 60_000)));
    expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.outcome === 'busy')).toHaveLength(7);
  });

  it('answers "sent" once the send is recorded, to every later attempt', async () => {
    const claim = await ledger.claim('job-sent', 'invitation', 60_000);
    if (claim.outcome !== 'claimed') throw new Error('expected a claim');
    await expect(ledger.isSent('job-sent')).resolves.toBe(false);
    await expect(ledger.markSent('job-sent', claim.claimToken, '<job-sent@localhost>')).resolves.toBe(true);
    await expect(ledger.claim('job-sent', 'invitation', 60_000)).resolves.toEqual({ outcome: 'sent' });
    await expect(ledger.isSent('job-sent')).resolves.toBe(true);
    await expect(ledger.isSent('job-never-seen')).resolves.toBe(false);
  });

  it('hands an expired or released claim to the next attempt, and fences the old one', async () => {
    const first = await ledger.claim('job-lease', 'password-changed', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await ledger.claim('job-lease', 'password-changed', 60_000);
    expect(second.outcome).toBe('claimed');
    if (first.outcome !== 'claimed' || second.outcome !== 'claimed') throw new Error('expected claims');
    await expect(ledger.markSent('job-lease', first.claimToken, null)).resolves.toBe(false);
    await ledger.release('job-lease', first.claimToken);
    await expect(ledger.claim('job-lease', 'password-changed', 60_000)).resolves.toEqual({ outcome: 'busy' });
    await ledger.release('job-lease', second.claimToken);
    await expect(ledger.claim('job-lease', 'password-changed', 60_000)).resolves.toMatchObject({ outcome: 'claimed' });
    const [row] = await orm.em.fork().execute<{ attempts: number }[]>(`select attempts from sent_mails where job_id = 'job-lease'`);
    expect(row.attempts).toBe(3);
  });
});
