import { ZxcvbnCommonPasswordList } from './zxcvbn-common-password.list.js';

describe('ZxcvbnCommonPasswordList', () => {
  const list = new ZxcvbnCommonPasswordList();

  it('holds at least 10,000 common passwords', () => {
    expect(list.size).toBeGreaterThanOrEqual(10_000);
  });

  it.each(['123456', 'password', 'qwerty', 'iloveyou', 'trustno1'])('knows %s', (password) => {
    expect(list.has(password)).toBe(true);
  });

  it('stores them in lower case', () => {
    expect(list.has('PASSWORD')).toBe(false);
    expect(list.has('Tz7!mK2#pW'.toLowerCase())).toBe(false);
  });

  it('builds the set once for every instance', () => {
    expect(new ZxcvbnCommonPasswordList().size).toBe(list.size);
  });
});
