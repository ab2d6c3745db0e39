import type { ReceivedMail } from '../support/smtp-listener.js';

/** The reset token of the link in an e-mail (the fragment of `{PUBLIC_URL}/reset-password#token=…`). */
export function tokenFrom(mail: ReceivedMail): string {
  const match = /\/reset-password#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no reset link in the mail "${mail.subject}"`);
  return match[1];
}
