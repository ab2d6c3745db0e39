import { MailJobScrubber } from '../../application/ports/mail-job-scrubber.port.js';

/** Records which jobs were scrubbed, in order; `failNext` makes the next scrub reject as a database error would. */
export class InMemoryMailJobScrubber extends MailJobScrubber {
  readonly scrubbed: string[] = [];
  private failures: Error[] = [];

  failNext(error = new Error('connection terminated')): void {
    this.failures.push(error);
  }

  async scrub(jobId: string): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.scrubbed.push(jobId);
  }
}
