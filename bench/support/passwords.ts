import { randomInt } from 'node:crypto';
import { PasswordPolicy, PasswordPolicySettings, ZxcvbnCommonPasswordList } from '#libs/password-policy';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+-=?@^_~';

let policy: PasswordPolicy | undefined;
export function defaultPolicy(): PasswordPolicy {
  policy ??= new PasswordPolicy(PasswordPolicySettings.fromOverrides(), new ZxcvbnCommonPasswordList());
  return policy;
}

/** A random password of `length` characters that the default policy accepts (drawn until one is). */
export function validPassword(length = 30, email?: string): string {
  for (;;) {
    const password = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (defaultPolicy().evaluate({ password, email }).length === 0) return password;
  }
}
