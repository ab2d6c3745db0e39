import { InvalidMailJobError } from './mail-job.errors.js';
import { MAIL_JOB_NAMES, MAIL_JOB_SECRETS, MAIL_LOCALES, type MailJob, type MailJobName, type MailLocale } from './mail-job.js';

type Fields = Record<string, unknown>;

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
const LINK_JOBS: readonly MailJobName[] = ['password-reset', 'account-locked', 'invitation'];

/**
 * Checks a job against the contract before anything is sent. Problems name fields, never
 * values: a payload carries a reset link, which must not reach the logs.
 */
export function parseMailJob(name: string, data: unknown): MailJob {
  if (!(MAIL_JOB_NAMES as readonly string[]).includes(name)) throw new InvalidMailJobError(name, ['unknown job name']);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidMailJobError(name, ['payload is not an object']);
  const fields = data as Fields;
  const problems: string[] = [];
  const text = (field: string, max: number): string => {
    const value = fields[field];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= max) return value;
    problems.push(`${field} must be a non-empty string of at most ${max} characters`);
    return '';
  };
  const instant = (field: string): string => {
    const value = fields[field];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    problems.push(`${field} must be an ISO date-time`);
    return '';
  };

  const to = text('to', 320);
  if (to && !EMAIL.test(to)) problems.push('to must be one e-mail address');
  const organizationName = text('organizationName', 200);
  const displayName = fields.organizationDisplayName;
  if (displayName !== undefined && displayName !== null && typeof displayName !== 'string')
    problems.push('organizationDisplayName must be a string');
  const common = {
    to,
    locale: mailLocale(fields.locale),
    organizationName,
    organizationDisplayName: typeof displayName === 'string' && displayName.trim() !== '' ? displayName : organizationName,
  };

  if (LINK_JOBS.includes(name as MailJobName)) {
    const erased = secretsErased(fields);
    if (erased) problems.push('link was erased when the job was settled');
    const link = erased ? '' : text('link', 2_000);
    if (link && !/^https?:\/\//i.test(link)) problems.push('link must be an http(s) URL');
    const payload = { ...common, link, expiresAt: instant('expiresAt') };
    if (problems.length > 0) throw new InvalidMailJobError(name, problems);
    return { name: name as 'password-reset', payload };
  }
  if (typeof fields.sessionsExpired !== 'boolean') problems.push('sessionsExpired must be a boolean');
  const payload = { ...common, occurredAt: instant('occurredAt'), sessionsExpired: fields.sessionsExpired === true };
  if (problems.length > 0) throw new InvalidMailJobError(name, problems);
  return { name: name as 'password-changed', payload };
}

/** A settled job's payload: its secrets were erased, so it can be recognised but never sent again. */
export function secretsErased(data: unknown): boolean {
  const erased = typeof data === 'object' && data !== null ? (data as Fields).erased : undefined;
  return Array.isArray(erased) && MAIL_JOB_SECRETS.some((field) => erased.includes(field));
}

/** `ko`, `ko-KR` → `ko`; anything else (missing, unsupported) → `en`, the default locale. */
export function mailLocale(value: unknown): MailLocale {
  const language = typeof value === 'string' ? value.split(/[-_]/)[0].toLowerCase() : '';
  return (MAIL_LOCALES as readonly string[]).includes(language) ? (language as MailLocale) : 'en';
}
