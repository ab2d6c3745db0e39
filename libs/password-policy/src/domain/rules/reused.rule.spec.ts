import { PasswordHistoryMatcher } from '../password-history.port.js';
import { DEFAULT_PASSWORD_POLICY, PasswordPolicySettings } from '../password-policy-settings.vo.js';
import { ReusedRule } from './reused.rule.js';

const hash = (password: string) => [...password].reverse().join('');

/** "Hashes" are the passwords reversed; records what it was asked to compare. */
class FakeMatcher extends PasswordHistoryMatcher {
  readonly asked: string[][] = [];

  async matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
    this.asked.push([...hashes]);
    return hashes.includes(hash(password));
  }
}

const rule = new ReusedRule();
const history = ['current', 'one-before', 'two-before', 'three-before', 'four-before'].map(hash);

describe('ReusedRule', () => {
  it('refuses the current password and the 3 before it by default', async () => {
    for (const password of ['current', 'one-before', 'two-before', 'three-before']) {
      expect(await rule.check(password, history, DEFAULT_PASSWORD_POLICY, new FakeMatcher())).toEqual({
        code: 'REUSED',
        message: expect.any(String),
      });
    }
  });

  it('forgets passwords older than the history depth, without asking about them', async () => {
    const matcher = new FakeMatcher();
    expect(await rule.check('four-before', history, DEFAULT_PASSWORD_POLICY, matcher)).toBeNull();
    expect(matcher.asked).toEqual([history.slice(0, 4)]);
  });

  it('still refuses the current password with a depth of 0', async () => {
    const settings = PasswordPolicySettings.fromOverrides({ historyDepth: 0 });
    expect(await rule.check('current', history, settings, new FakeMatcher())).not.toBeNull();
    expect(await rule.check('one-before', history, settings, new FakeMatcher())).toBeNull();
    expect(rule.describe(settings)).toBe('Not your current password.');
  });

  it('does not call the matcher without history', async () => {
    const matcher = new FakeMatcher();
    expect(await rule.check('anything', [], DEFAULT_PASSWORD_POLICY, matcher)).toBeNull();
    expect(matcher.asked).toEqual([]);
  });

  it('describes the depth', () => {
    expect(rule.describe(DEFAULT_PASSWORD_POLICY)).toBe('Not your current password nor any of the 3 used before it.');
    expect(rule.describe(PasswordPolicySettings.fromOverrides({ historyDepth: 1 }))).toBe(
      'Not your current password nor the one used before it.',
    );
  });
});
