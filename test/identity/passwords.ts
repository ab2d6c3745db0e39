const WORDS = ['Plum', 'Gazo', 'Korb', 'Vint', 'Mesk', 'Duli', 'Hask', 'Ropa', 'Nifu', 'Selk'];
let counter = 0;

/**
 * Distinct passwords that always pass the default policy (random ones can contain a run such
 * as `kkk` or `123` by chance): two words that form no run, a separator, and one digit.
 */
export function policyPassword(): string {
  const n = counter++;
  return `${WORDS[n % 10]}-${WORDS[(n + 3) % 10].toLowerCase()}!${Math.floor(n / 10) % 10}`;
}
