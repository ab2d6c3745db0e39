import { InMemoryMailJobScrubber } from '../../../infrastructure/testing/in-memory-mail-job.scrubber.js';
import { GiveUpMailHandler } from './give-up-mail.handler.js';

describe('GiveUpMailHandler', () => {
  it('erases the secrets of the job it gives up, as often as it is asked', async () => {
    const scrubber = new InMemoryMailJobScrubber();
    const handler = new GiveUpMailHandler(scrubber);
    await handler.execute({ jobId: 'job-1' });
    await handler.execute({ jobId: 'job-1' });
    expect(scrubber.scrubbed).toEqual(['job-1', 'job-1']);
  });

  it('lets a failed erasure through, so the caller knows the link may still be stored', async () => {
    const scrubber = new InMemoryMailJobScrubber();
    scrubber.failNext();
    await expect(new GiveUpMailHandler(scrubber).execute({ jobId: 'job-1' })).rejects.toThrow('connection terminated');
  });
});
