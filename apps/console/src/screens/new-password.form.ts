import { expireOption } from '../widgets/expire-option.widget.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import { PasswordRules } from '../widgets/password-rules.widget.js';

export interface NewPasswordFields {
  elements: HTMLElement[];
  newPassword: HTMLInputElement;
  rules: PasswordRules;
  expire: HTMLInputElement;
  /** The new password when both entries agree; otherwise null, with the second entry marked. */
  agreedPassword(): string | null;
}

/** New password twice, the organization's rules with live feedback, and the expiry option. */
export function newPasswordFields(organization: string | null, email: () => string | undefined): NewPasswordFields {
  const newPassword = field({ label: 'New password', name: 'newPassword', type: 'password', autocomplete: 'new-password' });
  const again = field({ label: 'New password again', name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password' });
  const rules = new PasswordRules(organization, email);
  rules.watch(newPassword.input);
  const expire = expireOption();
  return {
    elements: [newPassword.element, again.element, rules.element, expire.element],
    newPassword: newPassword.input,
    rules,
    expire: expire.checkbox,
    agreedPassword() {
      const agreed = newPassword.input.value === again.input.value;
      markInvalid(again.input, !agreed);
      return agreed ? newPassword.input.value : null;
    },
  };
}

/** The sentence shown when the server refuses a password, naming every broken rule. */
export function violationText(violations: Array<{ message: string }>): string {
  const list = violations.map((violation) => violation.message).join(' ');
  return violations.length === 1 ? `The new password breaks a rule: ${list}` : `The new password breaks ${violations.length} rules: ${list}`;
}

export function mismatchNotice(): string {
  return 'The two new passwords are not the same. Type the new password again.';
}
