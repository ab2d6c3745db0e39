import { api } from '../api.client.js';
import { h, uniqueId } from '../html.builder.js';
import { when } from '../display.format.js';
import { describeError } from '../problem.messages.js';
import { field, markInvalid } from '../widgets/field.widget.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy } from '../widgets/screen.widget.js';

interface ApiTokenRow {
  id: string;
  name: string;
  /** The first characters of the token, to tell tokens apart; never the secret. */
  prefix?: string;
  createdAt?: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
}

interface CreatedToken extends ApiTokenRow {
  token: string;
}

const EXPIRY_CHOICES: Array<[string, string]> = [
  ['30', '30 days'],
  ['90', '90 days'],
  ['365', '1 year'],
  ['', 'Never'],
];

/** Tokens for API calls (docs/api.md#api-tokens): create (the secret shown once), list, revoke. */
export function apiTokensSection(): HTMLElement {
  const notice = new Notice();
  const secretSlot = h('div', {});
  const body = h('tbody', {});
  const reload = async (): Promise<void> => {
    try {
      const tokens = await api<ApiTokenRow[]>('GET', '/v1/me/api-tokens', { auth: true });
      body.replaceChildren(...tokens.map((token) => row(token, notice, reload)));
      if (tokens.length === 0) body.replaceChildren(h('tr', {}, h('td', { colspan: '6' }, 'No API tokens yet.')));
    } catch (error) {
      notice.show('error', describeError(error));
    }
  };
  const table = h(
    'table',
    {},
    h('caption', { class: 'visually-hidden' }, 'Your API tokens'),
    h(
      'thead',
      {},
      h('tr', {}, ...['Name', 'Starts with', 'Created', 'Expires', 'Last used', ''].map((title) => h('th', { scope: 'col' }, title))),
    ),
    body,
  );
  void reload();
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'API tokens'),
    h(
      'p',
      {},
      'Tokens let scripts and integrations call the API as you. Anyone holding one can act as you until it expires or is revoked.',
    ),
    createForm(notice, secretSlot, reload),
    secretSlot,
    notice.element,
    table,
  );
}

function createForm(notice: Notice, secretSlot: HTMLElement, reload: () => Promise<void>): HTMLFormElement {
  const name = field({
    label: 'Token name',
    name: 'tokenName',
    hint: 'What the token is for, for example "deploy script".',
    attributes: { maxlength: '100' },
  });
  const expiryId = uniqueId('expiry');
  const expiry = h(
    'select',
    { id: expiryId, name: 'expiresInDays' },
    ...EXPIRY_CHOICES.map(([value, label]) => h('option', { value }, label)),
  );
  const create = h('button', { type: 'submit' }, 'Create token');
  const form = h(
    'form',
    { novalidate: true, class: 'inline-form' },
    name.element,
    h('div', { class: 'field' }, h('label', { for: expiryId }, 'Expires after'), expiry),
    create,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    markInvalid(name.input, !name.input.value.trim());
    if (!name.input.value.trim()) return notice.show('error', 'Give the token a name.');
    const body = { name: name.input.value.trim(), ...(expiry.value ? { expiresInDays: Number(expiry.value) } : {}) };
    void busy(create, async () => {
      try {
        const created = await api<CreatedToken>('POST', '/v1/me/api-tokens', { auth: true, body });
        name.input.value = '';
        notice.clear();
        showSecret(secretSlot, created);
        await reload();
      } catch (error) {
        notice.show('error', describeError(error));
      }
    });
  });
  return form;
}

/** The secret, once: it is stored only as a hash, so it can never be shown again. */
function showSecret(slot: HTMLElement, created: CreatedToken): void {
  const id = uniqueId('secret');
  const secret = h('input', { id, type: 'text', readonly: true, class: 'secret', spellcheck: 'false', autocomplete: 'off' });
  secret.value = created.token;
  const status = h('p', { role: 'status', class: 'hint' });
  const copy = h('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', () => {
    secret.select();
    const copied = navigator.clipboard ? navigator.clipboard.writeText(created.token) : Promise.reject(new Error('no clipboard'));
    copied.then(
      () => (status.textContent = 'Copied to the clipboard.'),
      () => (status.textContent = 'The token is selected: press Ctrl+C (or ⌘C) to copy it.'),
    );
  });
  const done = h('button', { type: 'button', class: 'secondary' }, 'Done');
  done.addEventListener('click', () => slot.replaceChildren());
  const heading = h('h3', { tabindex: '-1' }, `New token "${created.name}"`);
  slot.replaceChildren(
    h(
      'div',
      { class: 'secret-box' },
      heading,
      h('p', {}, h('strong', {}, 'Copy this token now. '), 'It is shown only once; if you lose it, revoke it and create another.'),
      h('label', { for: id }, 'Token'),
      h('div', { class: 'secret-row' }, secret, copy, done),
      status,
    ),
  );
  heading.focus();
}

function row(token: ApiTokenRow, notice: Notice, reload: () => Promise<void>): HTMLTableRowElement {
  const revoke = h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke token ${token.name}` }, 'Revoke');
  revoke.addEventListener('click', () => {
    if (!window.confirm(`Revoke the token "${token.name}"? Anything that uses it stops working at once.`)) return;
    void busy(revoke, async () => {
      try {
        await api('DELETE', `/v1/me/api-tokens/${encodeURIComponent(token.id)}`, { auth: true });
        notice.show('success', `The token "${token.name}" has been revoked.`);
        await reload();
      } catch (error) {
        notice.show('error', describeError(error));
      }
    });
  });
  return h(
    'tr',
    { 'data-token': token.id },
    h('td', {}, token.name),
    h('td', { class: 'prefix' }, token.prefix ? `${token.prefix}…` : '—'),
    h('td', {}, when(token.createdAt)),
    h('td', {}, token.expiresAt ? when(token.expiresAt) : 'Never'),
    h('td', {}, token.lastUsedAt ? when(token.lastUsedAt) : 'Never'),
    h('td', {}, revoke),
  );
}
