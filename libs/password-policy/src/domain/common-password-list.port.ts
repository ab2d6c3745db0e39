/** A list of common or breached passwords, all stored in lower case. */
export abstract class CommonPasswordList {
  abstract has(lowercasePassword: string): boolean;
}
