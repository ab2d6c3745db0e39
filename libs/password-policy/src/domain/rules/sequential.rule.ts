import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

/**
 * The sequences of docs/api.md#password-policy, each as its unshifted and shifted spelling: a key and its
 * shift share a position, so `1@3` and `aBc` read as runs.
 */
const SEQUENCES: ReadonlyArray<readonly [plain: string, shifted: string]> = [
  ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
  ['0123456789', '0123456789'],
  ['`1234567890-=', '~!@#$%^&*()_+'],
  ['qwertyuiop[]\\', 'QWERTYUIOP{}|'],
  ["asdfghjkl;'", 'ASDFGHJKL:"'],
  ['zxcvbnm,./', 'ZXCVBNM<>?'],
];
const BACKWARDS = 8;

/**
 * STEPS[a * 128 + b] has bit s set when b follows a in sequence s, and bit s + BACKWARDS
 * when b precedes it. Two consecutive pairs sharing a bit are a run of three in one
 * sequence and one direction, so a password costs one table lookup per character.
 */
const STEPS = new Uint16Array(128 * 128);
SEQUENCES.forEach(([plain, shifted], sequence) => {
  for (let index = 0; index + 1 < plain.length; index++) {
    for (const a of [plain.charCodeAt(index), shifted.charCodeAt(index)]) {
      for (const b of [plain.charCodeAt(index + 1), shifted.charCodeAt(index + 1)]) {
        STEPS[a * 128 + b] |= 1 << sequence;
        STEPS[b * 128 + a] |= 1 << (sequence + BACKWARDS);
      }
    }
  }
});

export class SequentialRule implements PasswordRule {
  readonly code = 'SEQUENTIAL';

  describe(): string {
    return 'No 3 or more sequential characters, forwards or backwards: alphabet (abc), digits (123) or adjacent keys of one US keyboard row (qwe, !@#).';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    let previousSteps = 0;
    for (let i = 1; i < password.length; i++) {
      const a = password.charCodeAt(i - 1);
      const b = password.charCodeAt(i);
      const steps = a < 128 && b < 128 ? STEPS[a * 128 + b] : 0;
      if ((steps & previousSteps) !== 0) {
        return {
          code: this.code,
          message: 'Avoid 3 or more sequential letters, digits or adjacent keyboard keys (such as abc, 321 or qwe).',
        };
      }
      previousSteps = steps;
    }
    return null;
  }
}
