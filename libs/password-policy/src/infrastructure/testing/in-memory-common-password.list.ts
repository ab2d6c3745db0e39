import { CommonPasswordList } from '../../domain/common-password-list.port.js';

export class InMemoryCommonPasswordList extends CommonPasswordList {
  private readonly passwords: ReadonlySet<string>;

  constructor(passwords: Iterable<string> = []) {
    super();
    this.passwords = new Set([...passwords].map((password) => password.toLowerCase()));
  }

  has(lowercasePassword: string): boolean {
    return this.passwords.has(lowercasePassword);
  }
}
