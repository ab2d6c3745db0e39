import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { consoleState, navigate } from '../navigation.js';
import { organizationMemory } from '../organization.memory.js';
import { describeError } from '../problem.messages.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy, screen } from '../widgets/screen.widget.js';

/**
 * "Send password reset e-mail". The answer is the same whether or not the account exists
 * (docs/guarantees.md#failures-that-answer-alike), and so is what this screen says.
 */
export function resetRequestScreen(): HTMLElement {
  const notice = new Notice();
  const organization = field({
    label: 'Organization name',
    name: 'organization',
    autocomplete: 'organization',
    value: consoleState.organization ?? organizationMemory.read() ?? '',
  });
  const email = field({
    label: 'E-mail',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    value: consoleState.email,
    hint: 'The e-mail of your cloud account.',
  });
  const send = h('button', { type: 'submit' }, 'Send password reset e-mail');
  const back = backToSignIn();
  const form = h(
    'form',
    { novalidate: true },
    organization.element,
    email.element,
    notice.element,
    h('div', { class: 'buttons' }, send, back),
  );
  const view = screen(
    'Reset password',
    h('p', {}, 'Enter the e-mail of your account. We will send you a link to choose a new password.'),
    form,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { organization: organization.input.value.trim().toLowerCase(), email: email.input.value.trim() };
    markInvalid(organization.input, !body.organization);
    markInvalid(email.input, !body.email.includes('@'));
    if (!body.organization || !body.email.includes('@'))
      return notice.show('error', 'Enter the organization name and the e-mail of your account.');
    void busy(send, async () => {
      try {
        await api('POST', '/v1/password-resets', { body });
        consoleState.organization = body.organization;
        consoleState.email = body.email;
        organizationMemory.write(body.organization);
        showSent(view.element, view.heading, body.email);
      } catch (error) {
        notice.show('error', describeError(error));
      }
    });
  });
  return view.element;
}

function showSent(element: HTMLElement, heading: HTMLHeadingElement, email: string): void {
  heading.textContent = 'Check your e-mail';
  document.title = 'Check your e-mail — Latchkey';
  element.replaceChildren(
    heading,
    h(
      'div',
      { role: 'status' },
      h('p', {}, `If an account with the e-mail ${email} exists in this organization, we have sent it a password reset e-mail.`),
      h(
        'p',
        {},
        'Open the link in that e-mail to choose a new password. The link works once and expires after a while. If nothing arrives within a few minutes, check your spam folder or ask again.',
      ),
    ),
    h('p', {}, backToSignIn()),
  );
  heading.focus();
}

function backToSignIn(): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary' }, 'Back to sign-in');
  button.addEventListener('click', () => navigate('sign-in'));
  return button;
}
