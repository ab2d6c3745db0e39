import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

const RUN = 3;

/** Folds ASCII letters to lower case so that `AaA` counts as one character three times. */
function fold(codePoint: number): number {
  return codePoint >= 0x41 && codePoint <= 0x5a ? codePoint | 0x20 : codePoint;
}

export class RepeatedRule implements PasswordRule {
  readonly code = 'REPEATED';

  describe(): string {
    return `No character ${RUN} or more times in a row (aaa, AaA, 111, !!!).`;
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    let previous = -1;
    let count = 0;
    // By code point, so a repeated emoji is one character, not alternating surrogates.
    for (let i = 0; i < password.length;) {
      const codePoint = password.codePointAt(i)!;
      i += codePoint > 0xffff ? 2 : 1;
      const current = fold(codePoint);
      count = current === previous ? count + 1 : 1;
      if (count >= RUN) return { code: this.code, message: `Do not repeat a character ${RUN} or more times in a row.` };
      previous = current;
    }
    return null;
  }
}
