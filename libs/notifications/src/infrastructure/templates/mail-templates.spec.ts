import { MAIL_JOB_NAMES, type MailJobName } from '../../domain/mail-job.js';
import { parseMailJob } from '../../domain/parse-mail-job.js';
import { mailJobPayload } from '../testing/mail-jobs.fixture.js';
import { MailTemplates } from './mail-templates.js';

const templates = new MailTemplates();
const render = (name: MailJobName, overrides: Record<string, unknown> = {}) =>
  templates.render(parseMailJob(name, mailJobPayload(name, overrides)));
const LINK = 'http://localhost:3000/reset-password#token=abcDEF123';

const SUBJECTS: Record<MailJobName, [string, string]> = {
  'password-reset': ['Reset your Acme Corp password', 'Acme Corp 비밀번호 재설정'],
  'account-locked': ['Your Acme Corp account is locked', 'Acme Corp 계정이 잠겼습니다'],
  invitation: ['You are invited to Acme Corp', 'Acme Corp에 초대되었습니다'],
  'password-reset-completed': ['Your Acme Corp password was reset', 'Acme Corp 비밀번호가 재설정되었습니다'],
  'password-changed': ['Your Acme Corp password was changed', 'Acme Corp 비밀번호가 변경되었습니다'],
};

describe('MailTemplates', () => {
  describe.each(MAIL_JOB_NAMES)('%s', (name) => {
    it('has an English and a Korean subject naming the organization', () => {
      expect([render(name).subject, render(name, { locale: 'ko' }).subject]).toEqual(SUBJECTS[name]);
    });

    it('has a plain-text and an HTML part in each language', () => {
      for (const locale of ['en', 'ko']) {
        const mail = render(name, { locale });
        expect(mail.text).toContain('Acme Corp');
        expect(mail.text).not.toMatch(/<[a-z]/i);
        expect(mail.html).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${locale}">`));
        expect(mail.html).toContain(`<title>${SUBJECTS[name][locale === 'en' ? 0 : 1]}</title>`);
      }
    });

    it('escapes an organization display name in the HTML part and keeps it readable in the text', () => {
      const mail = render(name, { organizationDisplayName: '<script>alert("x")</script> & Co' });
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(mail.text).toContain('<script>alert("x")</script> & Co');
    });

    it('keeps a display name with line breaks out of the subject header', () => {
      expect(render(name, { organizationDisplayName: 'Acme\r\nBcc: victim@example.com' }).subject).not.toMatch(/[\r\n]/);
    });
  });

  describe.each(['password-reset', 'account-locked', 'invitation'] as const)('%s', (name) => {
    it('carries the link and when it expires, in the recipient language', () => {
      const en = render(name);
      expect(en.text).toContain(LINK);
      expect(en.text).toContain('November 26, 2026 at 03:35 UTC');
      expect(en.html).toContain('href="http://localhost:3000/reset-password#token&#x3D;abcDEF123"');
      const ko = render(name, { locale: 'ko' });
      expect(ko.text).toContain(LINK);
      expect(ko.text).toContain('2026년 11월 26일 03:35 UTC에 만료');
    });
  });

  describe.each(['password-reset-completed', 'password-changed'] as const)('%s', (name) => {
    it('says whether sessions and tokens were expired', () => {
      const kept = render(name, { sessionsExpired: false });
      const expired = render(name, { sessionsExpired: true });
      expect(kept.text).toMatch(/API tokens were not expired/);
      expect(expired.text).toMatch(/API tokens? .*(were|was) expired/);
      expect(expired.html).toMatch(/API tokens? .*(were|was) expired/);
      expect(render(name, { locale: 'ko', sessionsExpired: false }).text).toContain('API 토큰은 만료되지 않았으며');
      expect(render(name, { locale: 'ko', sessionsExpired: true }).text).toMatch(/API 토큰(도|이) 만료되었습니다/);
      expect(kept.text).toContain('November 26, 2026 at 03:05 UTC');
    });
  });

  it('falls back to English for an unsupported locale', () => {
    expect(render('password-reset', { locale: 'fr' }).subject).toBe('Reset your Acme Corp password');
  });
});
