import { PasswordPolicyViolationError, PolicySettingsInvalidError } from './password-policy.errors.js';

describe('password policy errors', () => {
  it('carry a stable code and the problem-JSON extensions', () => {
    const violations = [{ code: 'LENGTH', message: 'Use 9 to 30 characters.' }];
    const refused = new PasswordPolicyViolationError(violations);
    expect(refused).toMatchObject({ code: 'PASSWORD_POLICY_VIOLATION', name: 'PasswordPolicyViolationError', extensions: { violations } });

    const invalid = new PolicySettingsInvalidError([{ field: 'historyDepth', message: 'historyDepth must be an integer from 0 to 24.' }]);
    expect(invalid).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'historyDepth',
      message: 'historyDepth must be an integer from 0 to 24.',
    });
    expect(invalid.extensions.errors).toEqual(invalid.errors);
  });
});
