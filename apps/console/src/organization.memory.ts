const KEY = 'latchkey.organization';

/**
 * The organization name is remembered across tabs (it is not a secret), so a reset link opened
 * from the e-mail in a new tab can still show the organization's password rules.
 */
export const organizationMemory = {
  read(): string | null {
    return localStorage.getItem(KEY);
  },
  write(name: string): void {
    localStorage.setItem(KEY, name);
  },
};
