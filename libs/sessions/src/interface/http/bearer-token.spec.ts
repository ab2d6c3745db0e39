import { bearerToken } from './bearer-token.js';

describe('bearerToken', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

  it('takes the token of "Bearer <token>", the scheme in any case, the header trimmed', () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(`BEARER ${token}`)).toBe(token);
    expect(bearerToken(`  Bearer ${token}\t `)).toBe(token);
    expect(bearerToken('Bearer !~')).toBe('!~');
  });

  it('accepts a token of 4,096 visible ASCII characters and refuses one more', () => {
    expect(bearerToken(`Bearer ${'a'.repeat(4096)}`)).toBe('a'.repeat(4096));
    expect(bearerToken(`Bearer ${'a'.repeat(4097)}`)).toBeNull();
  });

  it.each([
    ['no header', undefined],
    ['a header that is not a string', ['Bearer abc']],
    ['another scheme', 'Basic abc'],
    ['the scheme alone', 'Bearer'],
    ['the scheme and a space', 'Bearer  '],
    ['no space after the scheme', `Bearer${token}`],
    ['two spaces after the scheme', `Bearer  ${token}`],
    ['a tab after the scheme', `Bearer\t${token}`],
    ['a space inside the token', 'Bearer abc def'],
    ['a control character inside the token', 'Bearer abc\u0001def'],
    ['a DEL inside the token', 'Bearer abc\u007fdef'],
    ['a non-ASCII character inside the token', 'Bearer abcédef'],
    ['a scheme that only starts like Bearer', `Bearerx ${token}`],
  ])('refuses %s', (_case, header) => {
    expect(bearerToken(header)).toBeNull();
  });
});
