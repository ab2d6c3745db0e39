import { dictionary } from '@zxcvbn-ts/language-common';
import { CommonPasswordList } from '../domain/common-password-list.port.js';

/**
 * The common-password dictionary of zxcvbn-ts (about 49,000 entries from breach corpora),
 * which ships inside the package, so the check needs no network or file at run time.
 */
export class ZxcvbnCommonPasswordList extends CommonPasswordList {
  // Built on first use and shared: every instance would hold the same 49,000 strings.
  private static shared: ReadonlySet<string> | undefined;
  private readonly passwords: ReadonlySet<string>;

  constructor() {
    super();
    this.passwords = ZxcvbnCommonPasswordList.shared ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  }

  get size(): number {
    return this.passwords.size;
  }

  has(lowercasePassword: string): boolean {
    return this.passwords.has(lowercasePassword);
  }
}
