import fc from 'fast-check';
import { RepeatedRule } from './repeated.rule.js';

const rule = new RepeatedRule();
const violated = (password: string) => rule.check({ password }) !== null;

describe('RepeatedRule', () => {
  it.each(['aaa', 'AaA', 'aAa', 'AAA', '111', '!!!', '   ', 'Tz7!mKKK', 'xxxx', '😀😀😀', 'ééé', '\uD800\uD800\uD800'])(
    'finds %j',
    (password) => {
      expect(violated(password)).toBe(true);
    },
  );

  it.each(['aa', 'aab', 'aabb', 'aba', 'a1a1a1', 'Tz7!mK2#pW', '😀\uDE00\uDE00', '\uD83D\uD83D😀', '!1!', '[{['])(
    'does not find %j',
    (password) => {
      expect(violated(password)).toBe(false);
    },
  );

  it('ignores case only for A–Z (other letters are INVALID_CHARACTER anyway); a key and its shift differ', () => {
    expect(violated('éÉé')).toBe(false);
    expect(violated('1!1')).toBe(false);
    expect(violated('@2@')).toBe(false);
  });

  const tripled = fc
    .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()))
    .map(([character, upper]) => {
      const asciiLetter = /^[a-z]$/i.test(character);
      return upper.map((up) => (asciiLetter && up ? character.toUpperCase() : character)).join('');
    });

  it('finds any character tripled in any case, inserted anywhere', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), tripled, fc.nat(), (base, triple, at) => {
        const cut = at % (base.length + 1);
        expect(violated(base.slice(0, cut) + triple + base.slice(cut))).toBe(true);
      }),
    );
  });
});
