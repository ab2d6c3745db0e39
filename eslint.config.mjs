import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'var/**', 'jest.config.cjs', 'apps/api/public/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['error', 'warn', 'log'] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A handler reads load, act, publish, commit: anything longer belongs in the domain, a service or a subscriber.
    files: ['**/*.handler.ts'],
    rules: { 'max-lines': ['error', { max: 40, skipBlankLines: false, skipComments: false }] },
  },
  // Last, so it wins: turns off every rule that is about layout, which Prettier owns (npm run format).
  prettier,
);
