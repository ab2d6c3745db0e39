import type { MailLocale } from '../../domain/mail-job.js';

/** Handlebars sources of one e-mail: the subject and text are plain text, the HTML is escaped. */
export interface MailTemplateSource {
  subject: string;
  text: string;
  html: string;
}

export type LocalizedMailTemplate = Record<MailLocale, MailTemplateSource>;

const BUTTON = 'display:inline-block;padding:12px 20px;background:#1f4fd8;color:#ffffff;text-decoration:none;border-radius:6px';
const SMALL = 'font-size:13px;color:#555555';

/** The call to action of the link e-mails, and the address spelled out for clients that hide buttons. */
export const linkButton = (label: string, fallback: string): string => `<p><a href="{{link}}" style="${BUTTON}">${label}</a></p>
<p style="${SMALL}">${fallback}<br><a href="{{link}}">{{link}}</a></p>`;

export const small = (content: string): string => `<p style="${SMALL}">${content}</p>`;
