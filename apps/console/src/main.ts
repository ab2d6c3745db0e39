import { whenSessionEnds } from './api.client.js';
import { consoleState, type Route, routeOfLocation, setRenderer } from './navigation.js';
import { accountScreen } from './screens/account.screen.js';
import { resetRequestScreen } from './screens/reset-request.screen.js';
import { resetPasswordScreen, takeResetTokenFromAddress } from './screens/reset-password.screen.js';
import { signInScreen } from './screens/sign-in.screen.js';
import { leave } from './sign-out.flow.js';
import { tokenStore } from './token.store.js';

const SCREENS: Record<Route, () => HTMLElement> = {
  'sign-in': signInScreen,
  forgot: resetRequestScreen,
  'reset-password': resetPasswordScreen,
  account: accountScreen,
};

/** Shows a screen and moves the focus to its heading, so the change is announced. */
function render(route: Route): void {
  const target = route === 'account' && tokenStore.read() === null ? 'sign-in' : route;
  if (target !== route) history.replaceState(null, '', `/#/${target}`);
  const screen = SCREENS[target]();
  document.getElementById('main')!.replaceChildren(screen);
  const heading = screen.querySelector('h1');
  document.title = `${heading?.textContent ?? 'Latchkey'} — Latchkey`;
  heading?.focus();
}

takeResetTokenFromAddress();
setRenderer(render);
whenSessionEnds(() => {
  if (routeOfLocation() === 'account') leave({ kind: 'error', text: 'Your sign-in session has ended. Sign in again.' });
});
window.addEventListener('popstate', () => render(routeOfLocation() ?? 'sign-in'));
consoleState.signInStep = 'organization';
render(routeOfLocation() ?? (tokenStore.read() ? 'account' : 'sign-in'));
