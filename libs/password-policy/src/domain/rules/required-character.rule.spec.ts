import { MissingDigitRule } from './missing-digit.rule.js';
import { MissingLowercaseRule } from './missing-lowercase.rule.js';
import { MissingSpecialRule } from './missing-special.rule.js';
import { MissingUppercaseRule } from './missing-uppercase.rule.js';
import type { RequiredCharacterRule } from './required-character.rule.js';

// Copied from docs/api.md#password-policy rather than imported, so the rule is checked against the docs.
const SPECIALS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

describe.each<[string, RequiredCharacterRule, string, string[]]>([
  ['MISSING_UPPERCASE', new MissingUppercaseRule(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ['abcdefgh1!', 'ÀÉÎÕÜßabc1!', 'ＡＢＣabc1!']],
  ['MISSING_LOWERCASE', new MissingLowercaseRule(), 'abcdefghijklmnopqrstuvwxyz', ['ABCDEFGH1!', 'àéîõüABC1!']],
  ['MISSING_DIGIT', new MissingDigitRule(), '0123456789', ['Abcdefgh!', 'Abcdefgh!٣']],
  ['MISSING_SPECIAL', new MissingSpecialRule(), SPECIALS, ['Abcdefgh12', 'Abcdefgh12 ', 'Abcdefgh12€§¡']],
])('%s', (code, rule, accepted, lacking) => {
  it.each(lacking)('is violated by %j', (password) => {
    expect(rule.check({ password })).toEqual({ code, message: expect.stringMatching(/^Add at least one /) });
  });

  it('is satisfied by each character of its class and by no other ASCII character', () => {
    const satisfying = Array.from({ length: 128 }, (_, unit) => String.fromCharCode(unit)).filter(
      (character) => rule.check({ password: character }) === null,
    );
    expect(satisfying.join('')).toBe([...accepted].sort().join(''));
  });
});
