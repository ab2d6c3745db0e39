import { api } from './api.client.js';
import { consoleState, type Flash, navigate } from './navigation.js';
import { tokenStore } from './token.store.js';

/** Ends this session on the server (best effort: the tokens are forgotten either way). */
export async function signOut(flash: Flash = { kind: 'info', text: 'You have signed out.' }): Promise<void> {
  await api('POST', '/v1/auth/sign-out', { auth: true }).catch(() => undefined);
  leave(flash);
}

/** Forgets the tokens and shows the sign-in page, on the password step when the organization is known. */
export function leave(flash: Flash): void {
  tokenStore.clear();
  consoleState.signInStep = consoleState.organization ? 'credentials' : 'organization';
  navigate('sign-in', flash);
}
