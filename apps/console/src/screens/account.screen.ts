import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { type Me, organizationName } from '../account.model.js';
import { consoleState } from '../navigation.js';
import { signOut } from '../sign-out.flow.js';
import { describeError } from '../problem.messages.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy, screen } from '../widgets/screen.widget.js';
import { apiTokensSection } from './api-tokens.section.js';
import { changePasswordSection } from './change-password.section.js';
import { sessionsSection } from './sessions.section.js';

/** Account information: who is signed in, password change, sessions and API tokens. */
export function accountScreen(): HTMLElement {
  const notice = new Notice();
  const signOutButton = h('button', { type: 'button', class: 'secondary' }, 'Sign out');
  signOutButton.addEventListener('click', () => void busy(signOutButton, () => signOut()));
  const view = screen('Account information', h('p', { 'aria-busy': 'true' }, 'Loading your account…'), notice.element);
  view.element.insertBefore(h('div', { class: 'toolbar' }, signOutButton), view.element.children[1]);
  api<Me>('GET', '/v1/me', { auth: true }).then(
    (me) => {
      consoleState.organization = organizationName(me);
      consoleState.email = me.email;
      view.element.querySelector('[aria-busy]')!.replaceWith(summary(me), changePasswordSection(me), sessionsSection(), apiTokensSection());
    },
    (error) => notice.show('error', describeError(error)),
  );
  return view.element;
}

function summary(me: Me): HTMLElement {
  const changed = me.passwordChangedAt ? new Date(me.passwordChangedAt).toLocaleString() : 'never';
  return h(
    'dl',
    { class: 'summary' },
    h('dt', {}, 'E-mail'),
    h('dd', {}, me.email),
    h('dt', {}, 'Organization'),
    h('dd', {}, organizationName(me)),
    h('dt', {}, 'Password last changed'),
    h('dd', {}, changed),
  );
}
