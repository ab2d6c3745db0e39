import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { consoleState, navigate } from '../navigation.js';
import { organizationMemory } from '../organization.memory.js';
import { describeError, isCode } from '../problem.messages.js';
import { field } from '../widgets/field.widget.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy, screen } from '../widgets/screen.widget.js';
import { mismatchNotice, newPasswordFields, violationText } from './new-password.form.js';

interface Verified {
  email: string;
  expiresAt: string;
  organization?: string;
}

let resetToken: string | null = null;

/**
 * Takes the token out of `/reset-password#token=…` and out of the address bar, so it is neither
 * kept in the history nor shown over someone's shoulder. It stays in this page's memory only.
 */
export function takeResetTokenFromAddress(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  resetToken = decodeURIComponent(match[1]);
  history.replaceState(null, '', '/reset-password');
}

export function resetPasswordScreen(): HTMLElement {
  const view = screen('Choose a new password', h('p', { 'aria-busy': 'true' }, 'Checking your reset link…'));
  const token = resetToken;
  if (token === null) {
    unusable(view.element, view.heading, 'This page opens from the link in a password reset e-mail. Ask for a new e-mail if you need one.');
  } else {
    void api<Verified>('POST', '/v1/password-resets/verify', { body: { token } }).then(
      (verified) => showForm(view.element, token, verified),
      (error) =>
        isCode(error, 'RESET_TOKEN_INVALID')
          ? unusable(
              view.element,
              view.heading,
              'This reset link has expired or has already been used. Reset links work once, for a limited time.',
            )
          : unusable(view.element, view.heading, describeError(error), true),
    );
  }
  return view.element;
}

function showForm(element: HTMLElement, token: string, verified: Verified): void {
  const notice = new Notice();
  const known = verified.organization ?? consoleState.organization ?? organizationMemory.read();
  const organization = known
    ? null
    : field({
        label: 'Organization name',
        name: 'organization',
        autocomplete: 'organization',
        hint: "Needed to show your organization's password rules.",
      });
  const fields = newPasswordFields(known, () => undefined);
  organization?.input.addEventListener('change', () => void fields.rules.load(organization.input.value.trim().toLowerCase()));
  const submit = h('button', { type: 'submit' }, 'Reset password');
  const form = h('form', { novalidate: true }, organization?.element ?? null, ...fields.elements, notice.element, submit);
  const expires = new Date(verified.expiresAt);
  element
    .querySelector('[aria-busy]')!
    .replaceWith(h('p', {}, 'Account: ', h('strong', {}, verified.email), `. This link expires at ${expires.toLocaleTimeString()}.`), form);
  void fields.rules.load();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const newPassword = fields.agreedPassword();
    if (newPassword === null) return fields.refuse(notice, mismatchNotice());
    if (!newPassword) return fields.refuse(notice, 'Enter a new password.');
    void busy(submit, async () => {
      try {
        await api('POST', '/v1/password-resets/confirm', { body: { token, newPassword, expireSessionsAndTokens: fields.expire.checked } });
        resetToken = null;
        // Typed here (a link opened on another device), the name is not asked for again at sign-in.
        const name = known ?? fields.rules.organizationFound;
        if (name) {
          consoleState.organization = name;
          organizationMemory.write(name);
        }
        consoleState.signInStep = consoleState.organization ? 'credentials' : 'organization';
        navigate('sign-in', { kind: 'success', text: 'Your password has been reset. Sign in with your new password.' });
      } catch (error) {
        if (isCode(error, 'PASSWORD_POLICY_VIOLATION')) {
          fields.rules.showViolations(error.violations);
          return fields.refuse(notice, violationText(error.violations));
        }
        if (isCode(error, 'RESET_TOKEN_INVALID'))
          return unusable(element, element.querySelector('h1')!, 'This reset link has expired or has already been used.');
        notice.show('error', describeError(error));
      }
    });
  });
}

function unusable(element: HTMLElement, heading: HTMLHeadingElement, text: string, retry = false): void {
  const again = h('button', { type: 'button' }, 'Send a new password reset e-mail');
  again.addEventListener('click', () => navigate('forgot'));
  const retryButton = h('button', { type: 'button', class: 'secondary' }, 'Try again');
  retryButton.addEventListener('click', () => navigate('reset-password'));
  heading.textContent = retry ? 'Choose a new password' : 'This link can no longer be used';
  document.title = `${heading.textContent} — Latchkey`;
  const notice = new Notice();
  element.replaceChildren(heading, notice.element, h('div', { class: 'buttons' }, retry ? retryButton : null, again));
  notice.show('error', text);
}
