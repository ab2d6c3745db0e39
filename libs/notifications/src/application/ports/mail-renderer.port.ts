import type { MailJob } from '../../domain/mail-job.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Turns a mail job into the e-mail's subject and bodies, in the job's locale. */
export abstract class MailRenderer {
  abstract render(job: MailJob): RenderedMail;
}
