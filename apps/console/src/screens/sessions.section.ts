import { api } from '../api.client.js';
import { h } from '../html.builder.js';
import { deviceName, when } from '../display.format.js';
import { describeError } from '../problem.messages.js';
import { signOut } from '../sign-out.flow.js';
import { tokenStore } from '../token.store.js';
import { Notice } from '../widgets/notice.widget.js';
import { busy } from '../widgets/screen.widget.js';

interface SessionRow {
  id: string;
  createdAt?: string;
  lastUsedAt?: string | null;
  clientIp?: string | null;
  userAgent?: string | null;
  current?: boolean;
}

/** `GET /v1/me/sessions`, each with an "End session" button (`DELETE /v1/me/sessions/{id}`). */
export function sessionsSection(): HTMLElement {
  const notice = new Notice();
  const body = h('tbody', {});
  const table = h(
    'table',
    {},
    h('caption', { class: 'visually-hidden' }, 'Your sign-in sessions'),
    h('thead', {}, h('tr', {}, ...['Device', 'Address', 'Signed in', 'Last active', ''].map((title) => h('th', { scope: 'col' }, title)))),
    body,
  );
  const section = h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Sessions'),
    h('p', {}, 'Where your account is signed in.'),
    notice.element,
    table,
  );
  const reload = async (): Promise<void> => {
    try {
      const sessions = await api<SessionRow[]>('GET', '/v1/me/sessions', { auth: true });
      body.replaceChildren(...sessions.map((session) => row(session, notice, reload)));
      if (sessions.length === 0) body.replaceChildren(h('tr', {}, h('td', { colspan: '5' }, 'No sessions.')));
    } catch (error) {
      notice.show('error', describeError(error));
    }
  };
  void reload();
  return section;
}

function row(session: SessionRow, notice: Notice, reload: () => Promise<void>): HTMLTableRowElement {
  const current = session.current ?? session.id === tokenStore.read()?.sessionId;
  const device = deviceName(session.userAgent);
  const end = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': `End session: ${device}${current ? ' (this session)' : ''}` },
    'End session',
  );
  end.addEventListener(
    'click',
    () =>
      void busy(end, async () => {
        if (current) return signOut();
        try {
          await api('DELETE', `/v1/me/sessions/${encodeURIComponent(session.id)}`, { auth: true });
          notice.show('success', 'The session has ended.');
          await reload();
        } catch (error) {
          notice.show('error', describeError(error));
        }
      }),
  );
  return h(
    'tr',
    { 'data-session': session.id },
    h('td', { title: session.userAgent ?? '' }, device, current ? h('strong', { class: 'badge' }, ' This session') : null),
    h('td', {}, session.clientIp ?? '—'),
    h('td', {}, when(session.createdAt)),
    h('td', {}, when(session.lastUsedAt)),
    h('td', {}, end),
  );
}
