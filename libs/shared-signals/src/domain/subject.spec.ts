import { parseSubject, subjectKey } from './subject.js';
import { InvalidSubjectError } from './shared-signals.errors.js';

const org = { id: '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', name: 'acme' };
const accountId = '11111111-2222-4333-8444-555555555555';

describe('parseSubject', () => {
  it('reads an account by opaque id, by e-mail (normalized), and the whole organization as a complex tenant', () => {
    expect(parseSubject({ format: 'opaque', id: accountId.toUpperCase() }, org)).toEqual({ kind: 'account', accountId });
    expect(parseSubject({ format: 'email', email: ' Jane@Example.COM ' }, org)).toEqual({ kind: 'email', email: 'jane@example.com' });
    expect(parseSubject({ format: 'complex', tenant: { format: 'opaque', id: 'acme' } }, org)).toEqual({ kind: 'organization' });
    expect(parseSubject({ format: 'complex', tenant: { format: 'opaque', id: org.id } }, org)).toEqual({ kind: 'organization' });
    expect(
      parseSubject({ format: 'complex', user: { format: 'opaque', id: accountId }, tenant: { format: 'opaque', id: 'acme' } }, org),
    ).toEqual({
      kind: 'account',
      accountId,
    });
  });

  it.each([
    ['no format', { id: accountId }],
    ['an unknown format', { format: 'phone_number', phone_number: '+1' }],
    ['an opaque id that is no account id', { format: 'opaque', id: 'someone' }],
    ['a bad e-mail', { format: 'email', email: 'not-an-email' }],
    ['an extra member', { format: 'email', email: 'a@b.c', extra: 1 }],
    ['another organization as tenant', { format: 'complex', tenant: { format: 'opaque', id: 'globex' } }],
    ['an empty complex subject', { format: 'complex' }],
    ['not an object', 'acme'],
    ['an array', [{ format: 'opaque', id: accountId }]],
  ])('refuses %s', (_case, subject) => {
    expect(() => parseSubject(subject, org)).toThrow(InvalidSubjectError);
  });

  it('keys one subject one way whatever its spelling', () => {
    const a = parseSubject({ format: 'email', email: 'JANE@example.com' }, org);
    const b = parseSubject({ format: 'complex', user: { format: 'email', email: 'jane@example.com' } }, org);
    expect(subjectKey(a)).toBe(subjectKey(b));
  });
});
