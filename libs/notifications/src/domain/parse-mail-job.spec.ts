import { mailJobPayload } from '../infrastructure/testing/mail-jobs.fixture.js';
import { InvalidMailJobError } from './mail-job.errors.js';
import { MAIL_JOB_NAMES } from './mail-job.js';
import { parseMailJob, secretsErased } from './parse-mail-job.js';

function problemsOf(name: string, data: unknown): string[] {
  try {
    parseMailJob(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidMailJobError);
    return (error as InvalidMailJobError).problems;
  }
  throw new Error('expected the job to be refused');
}

describe('parseMailJob', () => {
  it.each(MAIL_JOB_NAMES)('accepts a %s job as the contract describes it', (name) => {
    expect(parseMailJob(name, mailJobPayload(name))).toEqual({
      name,
      payload: expect.objectContaining({ to: 'ada@example.com', locale: 'en' }),
    });
  });

  it('refuses an unknown job name', () => {
    expect(problemsOf('password-forgotten', mailJobPayload('password-reset'))).toEqual(['unknown job name']);
  });

  it('refuses a payload that is not an object', () => {
    expect(problemsOf('password-reset', null)).toEqual(['payload is not an object']);
    expect(problemsOf('password-reset', ['x'])).toEqual(['payload is not an object']);
  });

  it('names every broken field, never its value', () => {
    const problems = problemsOf(
      'password-reset',
      mailJobPayload('password-reset', { to: 'a@b.c, d@e.f', link: 'javascript:alert(1)#token=secret', expiresAt: 'soon' }),
    );
    expect(problems).toEqual(['to must be one e-mail address', 'link must be an http(s) URL', 'expiresAt must be an ISO date-time']);
    expect(problems.join(' ')).not.toContain('secret');
  });

  it('recognises a settled job whose link was erased, and refuses to send it', () => {
    const { link: _link, ...rest } = mailJobPayload('invitation');
    const settled = { ...rest, erased: ['link'] };
    expect([
      secretsErased(settled),
      secretsErased(mailJobPayload('invitation')),
      secretsErased({ erased: 'link' }),
      secretsErased(null),
    ]).toEqual([true, false, false, false]);
    expect(problemsOf('invitation', settled)).toEqual(['link was erased when the job was settled']);
  });

  it('requires sessionsExpired to be a boolean on the change e-mails', () => {
    expect(problemsOf('password-changed', mailJobPayload('password-changed', { sessionsExpired: 'yes' }))).toEqual([
      'sessionsExpired must be a boolean',
    ]);
    expect(problemsOf('password-reset-completed', mailJobPayload('password-reset-completed', { occurredAt: undefined }))).toEqual([
      'occurredAt must be an ISO date-time',
    ]);
  });

  it('falls back to English for a missing or unsupported locale and reads regional Korean as Korean', () => {
    const locale = (value: unknown): string => parseMailJob('invitation', mailJobPayload('invitation', { locale: value })).payload.locale;
    expect([locale(undefined), locale('fr'), locale(42), locale('ko'), locale('ko-KR')]).toEqual(['en', 'en', 'en', 'ko', 'ko']);
  });

  it('uses the organization name when the display name is missing or blank', () => {
    const displayName = (value: unknown): string =>
      parseMailJob('password-reset', mailJobPayload('password-reset', { organizationDisplayName: value })).payload.organizationDisplayName;
    expect([displayName(undefined), displayName('  '), displayName('Acme')]).toEqual(['acme', 'acme', 'Acme']);
  });
});
