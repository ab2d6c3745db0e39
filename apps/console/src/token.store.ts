/** What a sign-in or a refresh hands back (docs/api.md#sign-in-tokens-and-sessions). */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

const KEY = 'latchkey.tokens';

/**
 * The tokens live in sessionStorage: they survive a reload of the tab but not its closing, are not
 * shared with other tabs, and are never sent automatically the way cookies are (so no CSRF). Script
 * can read them; the strict Content-Security-Policy (script-src 'self', no inline script, no third
 * party) is what keeps foreign script out. localStorage would keep the refresh token on disk after
 * the browser closes.
 */
export const tokenStore = {
  read(): Tokens | null {
    const raw = sessionStorage.getItem(KEY);
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<Tokens>;
      return parsed.accessToken && parsed.refreshToken ? (parsed as Tokens) : null;
    } catch {
      return null;
    }
  },
  write(tokens: Tokens): void {
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, sessionId: tokens.sessionId }),
    );
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
