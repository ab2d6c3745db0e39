import fc from 'fast-check';
import { SequentialRule } from './sequential.rule.js';

const rule = new SequentialRule();
const violated = (password: string) => rule.check({ password }) !== null;

// Written out again from docs/api.md#password-policy rather than imported, so the rule is checked against the docs.
const SEQUENCES: Array<[plain: string, shifted: string]> = [
  ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['0123456789', '0123456789'],
  ['`1234567890-=', '~!@#$%^&*()_+'],
  ['qwertyuiop[]\\', 'QWERTYUIOP{}|'],
  ["asdfghjkl;'", 'ASDFGHJKL:"'],
  ['zxcvbnm,./', 'ZXCVBNM<>?'],
];

/** No two of these are neighbours in any sequence above, in either spelling. */
const NON_ADJACENT = [..."adgjmqtxADGJMQTX159!%=]/'"];

describe('SequentialRule', () => {
  it.each(['abc', 'aBc', 'CBA', 'xyz', 'ZYX', '123', '987', '012'])('finds the alphabet or digit run %s', (run) => {
    expect(violated(`Q${run}Q`)).toBe(true);
  });

  it.each(['!@#', '1@3', '90-', ')(*', '0-=', '`12', '~!@', '+_)', '890', '098'])('finds the number-row run %s', (run) => {
    expect(violated(run)).toBe(true);
  });

  it.each(['qwe', 'EWQ', 'QwE', 'p[]', '[]\\', '{}|', '|}{', 'op[', 'OP{'])('finds the top-row run %s', (run) => {
    expect(violated(run)).toBe(true);
  });

  it.each(['asd', 'DSA', "l;'", 'L:"', '":L', 'kl;'])('finds the home-row run %s', (run) => {
    expect(violated(run)).toBe(true);
  });

  it.each(['zxc', 'CXZ', ',./', '<>?', '?><', 'm,.', 'M<>'])('finds the bottom-row run %s', (run) => {
    expect(violated(run)).toBe(true);
  });

  it.each([
    ['901', 'digits do not wrap, and 1 is at the other end of the number row'],
    ['109', 'nor backwards'],
    ['zab', 'the alphabet does not wrap'],
    ['YZA', 'nor in upper case'],
    ['-=q', 'rows do not wrap into the next'],
    ['\\as', 'nor does the top row into the home row'],
    ["';z", 'nor the home row into the bottom row'],
    ['/`1', 'nor the bottom row into the number row'],
    ['qaz', 'keys of different rows are no run'],
    ['1qa', 'nor diagonals'],
    ['ab', 'two characters are no run'],
    ['acegik', 'steps of two are no run'],
    ['aba', 'turning back is no run'],
    ['1!2', 'a key and its shift are the same position, not a step'],
    ['abd', 'two in a row then a gap'],
  ])('%s is not a run: %s', (password) => {
    expect(violated(password)).toBe(false);
  });

  it('finds a run anywhere, including at the very end', () => {
    expect(violated('Tz7!mK2#pW')).toBe(false);
    expect(violated('Tz7!mK2#pWxyz')).toBe(true);
    expect(violated('Tz7!mK\uD83D\uDE00567')).toBe(true);
  });

  it('is broken by any character outside the sequences', () => {
    expect(violated('ab\u00e9c')).toBe(false);
    expect(violated('12 3')).toBe(false);
    expect(violated('\u0161\u0162\u0163')).toBe(false);
  });

  it('reports the rule, not the run it found', () => {
    const violation = rule.check({ password: 'Secret!abc' });
    expect(violation?.code).toBe('SEQUENTIAL');
    expect(violation?.message).not.toContain('Secret');
  });

  const threeRun = fc
    .record({
      sequence: fc.constantFrom(...SEQUENCES),
      start: fc.nat(),
      backwards: fc.boolean(),
      spellings: fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1)),
    })
    .map(({ sequence, start, backwards, spellings }) => {
      const first = start % (sequence[0].length - 2);
      const positions = [first, first + 1, first + 2];
      if (backwards) positions.reverse();
      return positions.map((position, i) => sequence[spellings[i]][position]).join('');
    });
  const nonAdjacent = fc.string({ unit: fc.constantFrom(...NON_ADJACENT), maxLength: 30 });

  it('finds any 3-run of any sequence, either way, in any case or shift, inserted anywhere', () => {
    fc.assert(
      fc.property(nonAdjacent, threeRun, fc.nat(), (base, run, at) => {
        const cut = at % (base.length + 1);
        expect(violated(base.slice(0, cut) + run + base.slice(cut))).toBe(true);
      }),
    );
  });

  it('never finds a run among keys that are not neighbours in any sequence', () => {
    fc.assert(
      fc.property(nonAdjacent, (password) => {
        expect(violated(password)).toBe(false);
      }),
    );
  });
});
