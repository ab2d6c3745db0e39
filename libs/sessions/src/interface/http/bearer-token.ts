const SCHEME = 'bearer ';
const MAX_TOKEN_LENGTH = 4096;

/**
 * The token of an `Authorization: Bearer …` header, or null when there is none or it is malformed:
 * the scheme in any case, one space, then 1–4,096 visible ASCII characters (0x21–0x7e). A character
 * loop rather than a regular expression with a bounded repetition, which cost a microsecond and more
 * on every authenticated request for a token of a few hundred characters.
 */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const value = header.trim();
  const length = value.length - SCHEME.length;
  if (length < 1 || length > MAX_TOKEN_LENGTH || value.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return null;
  for (let index = SCHEME.length; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x21 || code > 0x7e) return null;
  }
  return value.slice(SCHEME.length);
}
