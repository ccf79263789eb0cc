import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cdk.out/**', 'coverage/**', '.newswire/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // core/ is pure domain: it must not reach outward.
    },
  },
  {
    files: ['lambdas/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../pipeline/*',
            '../adapters/*',
            '../handlers/*',
            '../local/*',
            '@aws-sdk/*',
            'node:fs',
            'node:http',
            'fs',
            'http',
          ],
        },
      ],
    },
  },
  {
    files: ['lambdas/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../adapters/*', '../handlers/*', '../local/*', '@aws-sdk/*'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
