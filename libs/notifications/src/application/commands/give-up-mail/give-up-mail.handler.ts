import { Injectable } from '@nestjs/common';
import { MailJobScrubber } from '../../ports/mail-job-scrubber.port.js';

export interface GiveUpMailInput {
  jobId: string;
}

/**
 * A job that will not be tried again (it broke the contract, or its last attempt failed) keeps
 * its non-secret fields for operators; its link is erased, as after a send (docs/security.md). The
 * owner asks for a new link.
 */
@Injectable()
export class GiveUpMailHandler {
  constructor(private readonly scrubber: MailJobScrubber) {}

  execute({ jobId }: GiveUpMailInput): Promise<void> {
    return this.scrubber.scrub(jobId);
  }
}
