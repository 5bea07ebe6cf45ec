import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The SPA's features, read from disk so a new one is fenced in without editing this file.
const WEB = './apps/web/src';
const WEB_FEATURES = readdirSync(new URL(`${WEB}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// import-x's settings for TypeScript (.ts files are modules that no-cycle follows, read by the TS
// parser), its resolver given per block below: './x.js' resolves to x.ts as tsc does.
const { 'import-x/resolver': _resolver, ...IMPORT_X_TYPESCRIPT } = importX.flatConfigs.typescript.settings;

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', 'packages/db/drizzle/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The SPA's boundaries (bulletproof-react): app/ composes features; a feature imports only shared
    // code (components/, lib/, config/) and itself; shared code imports no feature and not app/.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { ...IMPORT_X_TYPESCRIPT, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'apps/web/tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            ...WEB_FEATURES.map((feature) => ({
              target: `${WEB}/features/${feature}`,
              from: `${WEB}/features`,
              except: [`./${feature}`],
              message: 'A feature does not import another feature: move what both need to components/, lib/ or config/.',
            })),
            {
              target: [`${WEB}/features`, `${WEB}/components`, `${WEB}/lib`, `${WEB}/config`],
              from: `${WEB}/app`,
              message: 'Only app/ composes the SPA; nothing imports it.',
            },
            {
              target: [`${WEB}/components`, `${WEB}/lib`, `${WEB}/config`],
              from: `${WEB}/features`,
              message: 'Shared code does not import features.',
            },
          ],
        },
      ],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The domain stays pure: no I/O, no clock of its own.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass the time in.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in.' }],
    },
  },
  {
    // All SQL lives in packages/db: the BFF calls its functions and never builds queries.
    files: ['apps/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'Queries live in packages/db.' }] }],
    },
  },
  {
    // The BFF awaits the store (issue 16): a query's promise left floating, or handed where a value is
    // expected (a sync callback, an if), would run outside its transaction or after its answer.
    files: ['apps/bff/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'apps/bff/src/testing/**'],
    languageOptions: { parserOptions: { project: 'apps/bff/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Outside the BFF, the same store rule: the database calls are awaited.
    files: ['packages/db/src/store/**/*.ts'],
    languageOptions: { parserOptions: { project: 'packages/db/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/await-thenable': 'error' },
  },
  {
    files: ['**/*.test.ts', 'apps/bff/src/testing/**', 'apps/bff/reliability/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
