import { RequiredCharacterRule } from './required-character.rule.js';

/** Exactly the set of docs/api.md#password-policy: every printable ASCII character that is not a letter or digit. */
const SPECIAL_CHARACTERS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export class MissingSpecialRule extends RequiredCharacterRule {
  constructor() {
    super('MISSING_SPECIAL', `special character (${SPECIAL_CHARACTERS})`, SPECIAL_CHARACTERS);
  }
}
