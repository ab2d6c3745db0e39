import { RequiredCharacterRule } from './required-character.rule.js';

export class MissingLowercaseRule extends RequiredCharacterRule {
  constructor() {
    super('MISSING_LOWERCASE', 'lowercase letter (a–z)', 'abcdefghijklmnopqrstuvwxyz');
  }
}
