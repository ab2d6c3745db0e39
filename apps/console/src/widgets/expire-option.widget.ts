import { h, uniqueId } from '../html.builder.js';

/** The "Expire sign-in session and tokens" checkbox with the warning a person must read first. */
export function expireOption(): { element: HTMLElement; checkbox: HTMLInputElement } {
  const id = uniqueId('expire');
  const warningId = `${id}-warning`;
  const checkbox = h('input', { id, name: 'expireSessionsAndTokens', type: 'checkbox', 'aria-describedby': warningId });
  const element = h(
    'div',
    { class: 'expire-option' },
    h('div', { class: 'checkbox' }, checkbox, h('label', { for: id }, 'Expire sign-in session and tokens')),
    h(
      'div',
      { id: warningId, class: 'warning' },
      h(
        'p',
        {},
        h('strong', {}, 'This action cannot be undone. '),
        'You are signed out of every device, and every access token and every API token issued before the change stops working at once.',
      ),
      h(
        'p',
        {},
        'Integrations with external services that use API tokens will stop until you give them new tokens. Use this option only when necessary, for example when you suspect that the account has been compromised.',
      ),
    ),
  );
  return { element, checkbox };
}
