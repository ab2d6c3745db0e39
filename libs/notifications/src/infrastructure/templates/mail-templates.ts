import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { MailRenderer, type RenderedMail } from '../../application/ports/mail-renderer.port.js';
import { MAIL_LOCALES, type MailJob, type MailJobName, type MailLocale } from '../../domain/mail-job.js';
import { ACCOUNT_LOCKED_TEMPLATE } from './account-locked.template.js';
import { INVITATION_TEMPLATE } from './invitation.template.js';
import { LAYOUT_TEMPLATE } from './layout.template.js';
import type { LocalizedMailTemplate } from './mail-template.js';
import { PASSWORD_CHANGED_TEMPLATE } from './password-changed.template.js';
import { PASSWORD_RESET_COMPLETED_TEMPLATE } from './password-reset-completed.template.js';
import { PASSWORD_RESET_TEMPLATE } from './password-reset.template.js';

const SOURCES: Record<MailJobName, LocalizedMailTemplate> = {
  'password-reset': PASSWORD_RESET_TEMPLATE,
  'account-locked': ACCOUNT_LOCKED_TEMPLATE,
  invitation: INVITATION_TEMPLATE,
  'password-reset-completed': PASSWORD_RESET_COMPLETED_TEMPLATE,
  'password-changed': PASSWORD_CHANGED_TEMPLATE,
};

const DATE_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
};
const DATE_FORMATS: Record<MailLocale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-US', DATE_FORMAT),
  ko: new Intl.DateTimeFormat('ko-KR', DATE_FORMAT),
};

type Compiled = Record<keyof RenderedMail, Handlebars.TemplateDelegate>;

/**
 * Every e-mail's subject, text and HTML from Handlebars sources, compiled once at start-up.
 * Strict mode makes a template that names a missing field fail loudly instead of sending a gap.
 */
@Injectable()
export class MailTemplates extends MailRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();

  constructor() {
    super();
    this.handlebars.registerPartial('layout', LAYOUT_TEMPLATE);
    for (const [name, locales] of Object.entries(SOURCES)) {
      for (const [locale, source] of Object.entries(locales)) {
        this.compiled.set(`${name}:${locale}`, {
          subject: this.compile(source.subject, true),
          text: this.compile(source.text, true),
          html: this.compile(source.html, false),
        });
      }
    }
    this.warmUp();
  }

  render(job: MailJob): RenderedMail {
    const template = this.compiled.get(`${job.name}:${job.payload.locale}`) ?? this.compiled.get(`${job.name}:en`);
    if (!template) throw new Error(`No template for mail job ${job.name}`);
    const view = this.view(job);
    // A header line: anything that could fold or break it becomes a space.
    const subject = template.subject(view).replace(/\s+/g, ' ').trim();
    return { subject, text: template.text(view), html: template.html({ ...view, subject }) };
  }

  private compile(source: string, plainText: boolean): Handlebars.TemplateDelegate {
    return this.handlebars.compile(source, { strict: true, noEscape: plainText });
  }

  /** Handlebars compiles on first use: one rendering of each template does it now, and proves them all. */
  private warmUp(): void {
    const common = { to: 'someone@example.com', organizationName: 'example', organizationDisplayName: 'Example' };
    const now = new Date(0).toISOString();
    for (const name of Object.keys(SOURCES) as MailJobName[]) {
      for (const locale of MAIL_LOCALES) {
        const specific =
          name.startsWith('password-') && name !== 'password-reset'
            ? { occurredAt: now, sessionsExpired: true }
            : { link: 'https://example.com/', expiresAt: now };
        this.render({ name, payload: { ...common, locale, ...specific } } as MailJob);
      }
    }
  }

  private view(job: MailJob): Record<string, unknown> {
    const { payload } = job;
    // The recipient's time zone is unknown: UTC, said so.
    const when = (iso: string): string => `${DATE_FORMATS[payload.locale].format(new Date(iso))} UTC`;
    const common = {
      locale: payload.locale,
      email: payload.to,
      organizationDisplayName: payload.organizationDisplayName.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim(),
    };
    if ('link' in payload) return { ...common, link: payload.link, expiresAt: when(payload.expiresAt) };
    return { ...common, occurredAt: when(payload.occurredAt), sessionsExpired: payload.sessionsExpired };
  }
}
