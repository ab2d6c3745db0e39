import { REDACTED, redactSecretFields } from './redact-secret-fields.js';

describe('redactSecretFields', () => {
  const link = 'http://localhost:3000/reset-password#token=Kx7mQ2vR9pL4wT6zN8bF5hJ';

  it("replaces a mail job's link and keeps the fields a person needs to recognise the job", () => {
    const data = { to: 'ada@example.com', locale: 'en', link, expiresAt: '2026-01-01T00:00:00.000Z' };
    expect(redactSecretFields(data)).toEqual({
      to: 'ada@example.com',
      locale: 'en',
      link: REDACTED,
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(data.link).toBe(link);
  });

  it('finds secret fields at any depth, inside arrays too', () => {
    const data = { batch: [{ token: 'lk_abc' }, { nested: { password: 'hunter2', refreshToken: 'r' } }], count: 2 };
    expect(redactSecretFields(data)).toEqual({
      batch: [{ token: REDACTED }, { nested: { password: REDACTED, refreshToken: REDACTED } }],
      count: 2,
    });
  });

  it('returns what holds no secret as it is, and copies only the way to a secret', () => {
    const clean = { to: 'ada@example.com', tags: ['a', { b: 1 }] };
    expect(redactSecretFields(clean)).toBe(clean);
    const data = { kept: { x: 1 }, path: { token: 't' } };
    const redacted = redactSecretFields(data) as typeof data;
    expect(redacted.kept).toBe(data.kept);
    expect(redacted.path).toEqual({ token: REDACTED });
    expect(data.path.token).toBe('t');
  });

  it('leaves an erased payload and plain values alone', () => {
    expect(redactSecretFields({ to: 'ada@example.com', erased: ['link'] })).toEqual({ to: 'ada@example.com', erased: ['link'] });
    expect(redactSecretFields('text')).toBe('text');
    expect(redactSecretFields(null)).toBeNull();
    expect(redactSecretFields({ link: null })).toEqual({ link: null });
  });
});
