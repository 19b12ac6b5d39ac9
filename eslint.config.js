// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.wxt',
      'dist',
      'test-results',
      'playwright-report',
      '.tmp',
      '.stryker-tmp*',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten await inside a Dexie transaction or around a hash silently breaks atomicity.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // Tests drive untyped browser globals (chrome.*) and Playwright fixtures take `{}`.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
  {
    // The pure core runs unchanged in Node and in every extension context (ARCHITECTURE.md,
    // "Layers and boundaries"). Lint names a direct import at once; tests/meta/invariants.test.ts
    // also follows imports transitively.
    files: [
      'lib/model/**',
      'lib/platforms/**',
      'lib/evidence/**',
      'lib/i18n/translator.ts',
      'lib/search/**',
      'lib/bulletin/**',
      'lib/vault/**',
      'lib/integrity/**',
      'lib/capture/**',
      'lib/locker/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'dexie',
                'fake-indexeddb',
                'fake-indexeddb/*',
                'wxt',
                'wxt/*',
                '#imports',
                'webextension-polyfill',
              ],
              message: 'The pure core imports no browser or storage API.',
            },
            {
              group: ['node:*'],
              message: 'The pure core runs in the browser too: no Node modules.',
            },
            {
              group: ['**/store', '**/store/*', '**/background/*', '**/messaging/client'],
              message: 'The pure core takes data in and gives data out: no store, no background.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store is the only code that holds the database (ARCHITECTURE.md, Invariants).
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['lib/store/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'indexedDB', message: 'Only lib/store opens IndexedDB.' },
        { name: 'IDBFactory', message: 'Only lib/store opens IndexedDB.' },
      ],
    },
  },
);
