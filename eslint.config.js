import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/*
 * Core's layers, bottom up (as VS Code states its layers): a folder of main/core imports
 * only from folders in lower tiers, never from its own tier or above, so no cycle can form.
 * base: helpers with no domain (clock, text folding, xlsx, files, signing, the SQLite driver,
 * the job context); jobs: the top, which maps job kinds to features and fixes the order of
 * the pipeline's steps.
 */
const CORE_TIERS = [
  ['base'],
  ['audit', 'data', 'records'],
  ['workspace'],
  ['users', 'import', 'link'],
  ['review', 'approve', 'demo', 'splink'],
  ['export'],
  ['reports'],
  ['jobs']
]

// Core never imports electron, and only base/sqlite-driver.ts loads the SQLite driver.
const CORE_PATHS = [
  { name: 'electron', message: 'main/core must not import electron.' },
  {
    name: 'better-sqlite3',
    message: 'The SQLite driver is better-sqlite3-multiple-ciphers, loaded only by main/core/base/sqlite-driver.ts.'
  },
  { name: 'better-sqlite3-multiple-ciphers', message: 'Only main/core/base/sqlite-driver.ts loads the SQLite driver.' }
]

// SQL over the records table lives in main/core/records/ only, behind typed readers and writers.
const RECORDS_SQL = '/\\b(FROM|JOIN|INTO|UPDATE)\\s+records\\b/i'
const RECORDS_SQL_MESSAGE = 'SQL over the records table belongs in main/core/records/ (a typed reader or writer there).'
// Core is the domain and never reaches up into the shell, IPC, CLI or UI.
const OUTSIDE_CORE = {
  group: ['**/app/*', '**/ipc/*', '**/cli/*', '**/renderer/*', '**/preload/*'],
  message: 'main/core must not import from higher layers.'
}

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
  ...CORE_TIERS.flatMap((tier, i) => {
    const below = CORE_TIERS.slice(0, i).flat()
    const notBelow = CORE_TIERS.slice(i).flat()
    return tier.map((folder) => ({
      files: [`main/core/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: CORE_PATHS,
            patterns: [
              OUTSIDE_CORE,
              ...(i === CORE_TIERS.length - 1
                ? []
                : [
                    {
                      regex: `^(\\.\\./)+(${notBelow.filter((f) => f !== folder).join('|')})/`,
                      message: `main/core/${folder} may import only from ${below.join(', ') || 'nothing else in core'} (CORE_TIERS in eslint.config.js).`
                    }
                  ])
            ]
          }
        ]
      }
    }))
  }),
  {
    files: ['main/**/*.ts'],
    ignores: ['main/core/records/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${RECORDS_SQL}]`, message: RECORDS_SQL_MESSAGE },
        { selector: `TemplateElement[value.raw=${RECORDS_SQL}]`, message: RECORDS_SQL_MESSAGE }
      ]
    }
  },
  {
    // The one module that loads the SQLite driver; it imports nothing else.
    files: ['main/core/base/sqlite-driver.ts'],
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
            {
              group: ['node:*', 'electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'exceljs'],
              message: 'The renderer never touches Node.'
            },
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
