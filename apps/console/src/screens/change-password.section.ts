import { type Me, organizationName } from '../account.model.js';
import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { describeError, isCode } from '../problem.messages.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy } from '../widgets/screen.widget.js';
import { leave } from '../sign-out.flow.js';
import { mismatchNotice, newPasswordFields, violationText } from './new-password.form.js';

/** `POST /v1/me/password` (docs/api.md#password-change); success ends this session, so the console signs out. */
export function changePasswordSection(me: Me): HTMLElement {
  const notice = new Notice();
  const current = field({ label: 'Current password', name: 'currentPassword', type: 'password', autocomplete: 'current-password' });
  const fields = newPasswordFields(organizationName(me), () => me.email);
  void fields.rules.load();
  const change = h('button', { type: 'submit' }, 'Change');
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'change-password-title' },
    current.element,
    ...fields.elements,
    notice.element,
    change,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    markInvalid(current.input, !current.input.value);
    if (!current.input.value) return notice.show('error', 'Enter your current password.');
    const newPassword = fields.agreedPassword();
    if (newPassword === null) return fields.refuse(notice, mismatchNotice());
    if (!newPassword) return fields.refuse(notice, 'Enter a new password.');
    const expireSessionsAndTokens = fields.expire.checked;
    void busy(change, async () => {
      try {
        await api('POST', '/v1/me/password', {
          auth: true,
          body: { currentPassword: current.input.value, newPassword, expireSessionsAndTokens },
        });
        const expired = expireSessionsAndTokens ? ' Every other session and every token, API tokens included, has been expired.' : '';
        leave({ kind: 'success', text: `Your password has been changed.${expired} Sign in again with your new password.` });
      } catch (error) {
        current.input.value = '';
        if (isCode(error, 'INVALID_CREDENTIALS')) {
          markInvalid(current.input, true);
          return notice.show('error', 'The current password is not correct. Wrong entries here count towards locking the account.');
        }
        if (isCode(error, 'PASSWORD_RESET_REQUIRED')) {
          return leave({
            kind: 'error',
            text: 'Too many wrong passwords: the account is locked until its password is reset. A reset link has been sent by e-mail.',
          });
        }
        if (isCode(error, 'PASSWORD_POLICY_VIOLATION')) {
          fields.rules.showViolations(error.violations);
          return fields.refuse(notice, violationText(error.violations));
        }
        notice.show('error', describeError(error));
      }
    });
  });
  return h('section', { class: 'card' }, h('h2', { id: 'change-password-title' }, 'Change password'), form);
}
