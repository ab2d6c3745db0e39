import { RequiredCharacterRule } from './required-character.rule.js';

export class MissingDigitRule extends RequiredCharacterRule {
  constructor() {
    super('MISSING_DIGIT', 'digit (0–9)', '0123456789');
  }
}
