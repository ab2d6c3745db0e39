import { Injectable } from '@nestjs/common';
import { MAIL_QUEUE, OutboxSecrets } from '#libs/platform';
import { MailJobScrubber } from '../../application/ports/mail-job-scrubber.port.js';
import { MAIL_JOB_SECRETS } from '../../domain/mail-job.js';

/** The job id is the outbox row id: the shared outbox erases the row's payload and the BullMQ job's data. */
@Injectable()
export class OutboxMailJobScrubber extends MailJobScrubber {
  constructor(private readonly secrets: OutboxSecrets) {
    super();
  }

  scrub(jobId: string): Promise<void> {
    return this.secrets.erase(MAIL_QUEUE, jobId, MAIL_JOB_SECRETS);
  }
}
