import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }]
    }
  },
  {
    // Layering: core is the domain and never reaches up into the shell, IPC, CLI or UI.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'main/core must not import electron.' },
            { name: 'better-sqlite3', message: 'The SQLite driver is better-sqlite3-multiple-ciphers, loaded only by main/core/workspace/driver.ts.' },
            { name: 'better-sqlite3-multiple-ciphers', message: 'Only main/core/workspace/driver.ts loads the SQLite driver.' }
          ],
          patterns: [
            { group: ['**/app/*', '**/ipc/*', '**/cli/*', '**/renderer/*', '**/preload/*'], message: 'main/core must not import from higher layers.' }
          ]
        }
      ]
    }
  },
  {
    // The one module that loads the SQLite driver; it imports nothing else.
    files: ['main/core/workspace/driver.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // The renderer never touches Node or Electron; it reaches core only through the contract.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'exceljs'], message: 'The renderer never touches Node.' },
            { group: ['**/main/core/**', '**/main/app/**'], message: 'The renderer reaches core only through main/ipc/contract.ts.' }
          ]
        }
      ],
      // One presentation: dates, times and numbers are formatted only by renderer/src/format/.
      'no-restricted-properties': [
        'error',
        ...['toISOString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toFixed', 'toPrecision'].map((property) => ({
          property,
          message: 'Format dates and numbers with renderer/src/format/format.ts (Vietnam time, dd/mm/yyyy, numbers by language).'
        }))
      ],
      'no-restricted-globals': ['error', { name: 'Intl', message: 'Intl is used only in renderer/src/format/format.ts.' }]
    }
  },
  {
    files: ['renderer/src/format/**/*.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-globals': 'off' }
  }
)
