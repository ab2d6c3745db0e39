import { InvalidCharacterRule } from './invalid-character.rule.js';

const rule = new InvalidCharacterRule();
const violated = (password: string) => rule.check({ password }) !== null;

describe('InvalidCharacterRule', () => {
  it('accepts every printable ASCII character, 0x21 to 0x7E', () => {
    const printable = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect(violated(printable)).toBe(false);
  });

  it.each([
    ['a space', 'Abcdefg 1!'],
    ['a tab', 'Abcdefg\t1!'],
    ['a NUL', 'Abcdefg\u00001!'],
    ['DEL (0x7F)', 'Abcdefg\u007f1!'],
    ['a newline', 'Abcdefg1!\n'],
    ['é', 'Abcdéfg1!'],
    ['a no-break space', 'Abcdefg\u00a01!'],
    ['an emoji', 'Abcdefg1!😀'],
    ['a lone surrogate', 'Abcdefg1!\uD800'],
    ['a full-width letter', 'Ａbcdefg1!'],
  ])('rejects %s', (_, password) => {
    expect(rule.check({ password })).toEqual({ code: 'INVALID_CHARACTER', message: expect.any(String) });
  });
});
