import type { NoticeKind } from './widgets/notice.widget.js';

export type Route = 'sign-in' | 'forgot' | 'account' | 'reset-password';

export interface Flash {
  kind: NoticeKind;
  text: string;
}

/** What one screen hands to the next; it lives only as long as the page. */
export const consoleState: {
  organization: string | null;
  email: string;
  flash: Flash | null;
  /** The sign-in page opens on the e-mail and password step when the organization is known. */
  signInStep: 'organization' | 'credentials';
} = { organization: null, email: '', flash: null, signInStep: 'organization' };

let renderer: (route: Route) => void = () => undefined;

export function setRenderer(render: (route: Route) => void): void {
  renderer = render;
}

/** One page, routed by the fragment (`/#/forgot`), except the reset link's own path. */
export function navigate(route: Route, flash: Flash | null = null): void {
  consoleState.flash = flash;
  history.pushState(null, '', route === 'reset-password' ? '/reset-password' : `/#/${route}`);
  renderer(route);
}

export function routeOfLocation(): Route | null {
  if (location.pathname.replace(/\/+$/, '') === '/reset-password') return 'reset-password';
  const route = location.hash.replace(/^#\/?/, '');
  return route === 'sign-in' || route === 'forgot' || route === 'account' ? route : null;
}
