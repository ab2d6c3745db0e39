import { isEmailAddress } from './email-address.vo.js';

describe('isEmailAddress', () => {
  it.each(['jane@example.com', 'jane.doe+tag@mail.example.co.kr', "o'hara@example.org", 'x@xn--9n2bp8q.xn--3e0b707e'])(
    'accepts %s',
    (typed) => {
      expect(isEmailAddress(typed)).toBe(true);
    },
  );

  it.each([
    '',
    'Hunter2-secret!',
    'jane',
    '@example.com',
    'jane@',
    'jane@localhost',
    'two words@example.com',
    'jane..doe@example.com',
    'jane@exa_mple.com',
    'jane@example.c',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('refuses %p', (typed) => {
    expect(isEmailAddress(typed)).toBe(false);
  });
});
