// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', 'web/dist/', '**/*.js', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/core/config.ts (loadConfig), not process.env.',
        },
      ],
    },
  },
  {
    files: ['src/core/config.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'src/neo4j/local-server.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
