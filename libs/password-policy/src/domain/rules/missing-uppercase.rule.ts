import { RequiredCharacterRule } from './required-character.rule.js';

export class MissingUppercaseRule extends RequiredCharacterRule {
  constructor() {
    super('MISSING_UPPERCASE', 'uppercase letter (A–Z)', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  }
}
