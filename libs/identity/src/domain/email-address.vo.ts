/** E-mails compare case-insensitively within an organization (docs/api.md#sign-in-tokens-and-sessions); stored as typed and normalized. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** `jane@example.com` → `j***@example.com`: enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$`);

/**
 * A dot-atom address (RFC 5322) with a DNS domain: what the audit trail may keep of an e-mail field
 * that names no account. Anything else may be a password typed into the wrong field.
 */
export function isEmailAddress(typed: string): boolean {
  const at = typed.lastIndexOf('@');
  return typed.length <= 254 && at > 0 && at <= 64 && ADDRESS.test(typed);
}
