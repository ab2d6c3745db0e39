/**
 * `<key@domain-of-MAIL_FROM>`: the same job always yields the same Message-ID, which mail
 * stores use to recognise a duplicate.
 */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'latchkey.invalid';
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '')}@${domain}>`;
}
