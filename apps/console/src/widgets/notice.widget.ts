import { h } from '../html.builder.js';

export type NoticeKind = 'error' | 'success' | 'info';

/**
 * A message area announced by screen readers (errors as alerts, the rest politely). Showing an
 * error moves the focus to it, so a keyboard user lands on what went wrong.
 */
export class Notice {
  readonly element = h('div', { class: 'notice', tabindex: '-1', hidden: true });

  show(kind: NoticeKind, text: string, ...actions: HTMLElement[]): void {
    this.element.className = `notice notice-${kind}`;
    this.element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    this.element.replaceChildren(h('p', {}, text), ...(actions.length ? [h('p', { class: 'actions' }, ...actions)] : []));
    this.element.hidden = false;
    if (kind === 'error') this.element.focus();
  }

  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
