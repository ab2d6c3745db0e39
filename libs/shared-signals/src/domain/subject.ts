import { InvalidSubjectError } from './shared-signals.errors.js';

/**
 * What a stream is subscribed to (RFC 9493 subject identifiers, SSF 1.0 §8.1.3):
 * - an account, by `opaque` id (the account id, the `sub` of Latchkey's access tokens);
 * - an account, by `email` (matched against the account's e-mail when an event is produced, so an
 *   account created later is covered too);
 * - the whole organization: a `complex` subject whose only member is `tenant`
 *   (`{"format": "opaque", "id": "<organization name or id>"}`).
 * A `complex` subject with a `user` member (and optionally the stream's own `tenant`) names that account.
 */
export type StreamSubject =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'organization' };

export interface SubjectOrganization {
  readonly id: string;
  readonly name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;

/** The stored key of a subject: one row per distinct subject of a stream. */
export function subjectKey(subject: StreamSubject): string {
  switch (subject.kind) {
    case 'account':
      return `account:${subject.accountId}`;
    case 'email':
      return `email:${subject.email}`;
    case 'organization':
      return 'organization';
  }
}

/** The keys a stream subscribed to an account's events may hold. */
export function keysMatchingAccount(accountId: string, email: string | null): string[] {
  return ['organization', `account:${accountId.toLowerCase()}`, ...(email === null ? [] : [`email:${normalizeSubjectEmail(email)}`])];
}

export function normalizeSubjectEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyMembers(value: Record<string, unknown>, allowed: string[], where: string): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new InvalidSubjectError(`${where} has members this format does not define: ${extra.join(', ')}.`);
}

function simpleSubject(value: unknown, where: string): StreamSubject {
  if (!isObject(value)) throw new InvalidSubjectError(`${where} must be a JSON object with a "format".`);
  if (value.format === 'email') {
    onlyMembers(value, ['format', 'email'], where);
    if (typeof value.email !== 'string' || !EMAIL.test(value.email.trim()) || value.email.length > 320) {
      throw new InvalidSubjectError(`${where}.email must be an e-mail address.`);
    }
    return { kind: 'email', email: normalizeSubjectEmail(value.email) };
  }
  if (value.format === 'opaque') {
    onlyMembers(value, ['format', 'id'], where);
    if (typeof value.id !== 'string' || !UUID.test(value.id)) {
      throw new InvalidSubjectError(`${where}.id must be an account id (a UUID).`);
    }
    return { kind: 'account', accountId: value.id.toLowerCase() };
  }
  throw new InvalidSubjectError(`${where}.format must be "email", "opaque" or "complex".`);
}

function checkTenant(value: unknown, organization: SubjectOrganization): void {
  if (!isObject(value) || value.format !== 'opaque' || typeof value.id !== 'string') {
    throw new InvalidSubjectError('subject.tenant must be {"format": "opaque", "id": "<organization name or id>"}.');
  }
  onlyMembers(value, ['format', 'id'], 'subject.tenant');
  const id = value.id.toLowerCase();
  if (id !== organization.name.toLowerCase() && id !== organization.id.toLowerCase()) {
    throw new InvalidSubjectError("subject.tenant must be the stream's own organization.");
  }
}

/** Reads a subject of the request body; anything this transmitter cannot match answers INVALID_SUBJECT. */
export function parseSubject(value: unknown, organization: SubjectOrganization): StreamSubject {
  if (!isObject(value) || value.format !== 'complex') return simpleSubject(value, 'subject');
  onlyMembers(value, ['format', 'user', 'tenant'], 'subject');
  if (value.user === undefined && value.tenant === undefined) {
    throw new InvalidSubjectError('A complex subject needs a "user" or a "tenant" member.');
  }
  if (value.tenant !== undefined) checkTenant(value.tenant, organization);
  return value.user === undefined ? { kind: 'organization' } : simpleSubject(value.user, 'subject.user');
}
