import { expireOption } from '../widgets/expire-option.widget.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import type { Notice } from '../widgets/notice.widget.js';
import { PasswordRules } from '../widgets/password-rules.widget.js';

export interface NewPasswordFields {
  elements: HTMLElement[];
  newPassword: HTMLInputElement;
  rules: PasswordRules;
  expire: HTMLInputElement;
  /** The new password when both entries agree; otherwise null, with the second entry marked. */
  agreedPassword(): string | null;
  /**
   * Shows why the new password was refused, until the person edits either entry: the rules list
   * then says what the new text meets, and a stale refusal would contradict it.
   */
  refuse(notice: Notice, text: string): void;
}

/** New password twice, the organization's rules with live feedback, and the expiry option. */
export function newPasswordFields(organization: string | null, email: () => string | undefined): NewPasswordFields {
  const newPassword = field({ label: 'New password', name: 'newPassword', type: 'password', autocomplete: 'new-password' });
  const again = field({ label: 'New password again', name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password' });
  const rules = new PasswordRules(organization, email);
  rules.watch(newPassword.input);
  const expire = expireOption();
  let refusal: { notice: Notice; text: string } | null = null;
  const dropRefusal = (): void => {
    if (refusal && refusal.notice.element.textContent === refusal.text) refusal.notice.clear();
    refusal = null;
  };
  newPassword.input.addEventListener('input', dropRefusal);
  again.input.addEventListener('input', dropRefusal);
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
    refuse(notice, text) {
      notice.show('error', text);
      refusal = { notice, text };
    },
  };
}

/** The sentence shown when the server refuses a password, naming every broken rule. */
export function violationText(violations: Array<{ message: string }>): string {
  const list = violations.map((violation) => violation.message).join(' ');
  return violations.length === 1
    ? `The new password breaks a rule: ${list}`
    : `The new password breaks ${violations.length} rules: ${list}`;
}

export function mismatchNotice(): string {
  return 'The two new passwords are not the same. Type the new password again.';
}
