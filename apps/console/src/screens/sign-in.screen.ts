import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { consoleState, navigate } from '../navigation.js';
import { organizationMemory } from '../organization.memory.js';
import { describeError, isCode } from '../problem.messages.js';
import { type Tokens, tokenStore } from '../token.store.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy, screen } from '../widgets/screen.widget.js';

const ORGANIZATION_NAME = /^[a-z0-9-]{3,63}$/;

/** Sign-in in two steps, as the console's users know it: the organization, then e-mail and password. */
export function signInScreen(): HTMLElement {
  return consoleState.signInStep === 'credentials' && consoleState.organization
    ? credentialsStep(consoleState.organization)
    : organizationStep();
}

function organizationStep(): HTMLElement {
  const notice = new Notice();
  const organization = field({
    label: 'Organization name',
    name: 'organization',
    autocomplete: 'organization',
    value: consoleState.organization ?? organizationMemory.read() ?? '',
    hint: 'The name your administrator gave your organization, for example "acme-cloud".',
  });
  const next = h('button', { type: 'submit' }, 'Next');
  const form = h('form', { novalidate: true }, organization.element, notice.element, next);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = organization.input.value.trim().toLowerCase();
    const valid = ORGANIZATION_NAME.test(name);
    markInvalid(organization.input, !valid);
    if (!valid) return notice.show('error', 'Enter the organization name: 3 to 63 lower-case letters, digits or hyphens.');
    consoleState.organization = name;
    consoleState.signInStep = 'credentials';
    organizationMemory.write(name);
    navigate('sign-in');
  });
  return screen('Sign in', form).element;
}

function credentialsStep(organization: string): HTMLElement {
  const notice = new Notice();
  const email = field({ label: 'E-mail', name: 'email', type: 'email', autocomplete: 'username', value: consoleState.email });
  const password = field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password' });
  const signIn = h('button', { type: 'submit' }, 'Sign in');
  const otherOrganization = h('button', { type: 'button', class: 'link' }, 'Use another organization');
  otherOrganization.addEventListener('click', () => {
    consoleState.signInStep = 'organization';
    navigate('sign-in');
  });
  const reset = h('button', { type: 'button', class: 'secondary' }, 'Reset password');
  reset.addEventListener('click', () => goToReset(email.input.value));
  const form = h(
    'form',
    { novalidate: true },
    email.element,
    password.element,
    notice.element,
    h('div', { class: 'buttons' }, signIn, reset),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!email.input.value.trim() || !password.input.value) return notice.show('error', 'Enter your e-mail and your password.');
    void busy(signIn, async () => {
      try {
        const body = { organization, email: email.input.value.trim(), password: password.input.value };
        tokenStore.write(await api<Tokens>('POST', '/v1/auth/sign-in', { body }));
        consoleState.email = body.email;
        navigate('account');
      } catch (error) {
        password.input.value = '';
        showSignInError(notice, error, () => goToReset(email.input.value));
      }
    });
  });
  const intro = h('p', {}, 'Organization: ', h('strong', {}, organization), ' ', otherOrganization);
  return screen('Sign in', intro, form).element;
}

function showSignInError(notice: Notice, error: unknown, reset: () => void): void {
  if (isCode(error, 'INVALID_CREDENTIALS')) {
    return notice.show(
      'error',
      'The organization name, e-mail or password is not correct. After 5 wrong passwords in a row the account is locked until its password is reset.',
    );
  }
  if (isCode(error, 'PASSWORD_RESET_REQUIRED')) {
    const button = h('button', { type: 'button' }, 'Reset password');
    button.addEventListener('click', reset);
    return notice.show(
      'error',
      'The password of this account must be reset before you can sign in, for example after too many wrong passwords. If the account exists, a reset link has been sent to its e-mail; you can also ask for a new one.',
      button,
    );
  }
  notice.show('error', describeError(error));
}

function goToReset(email: string): void {
  consoleState.email = email.trim();
  navigate('forgot');
}
