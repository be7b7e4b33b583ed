// ESLint: typescript-eslint with type information, react-hooks, and the one-way dependency rule of
// docs/architecture.md §5 (core → partners → callback → react → app) enforced with
// no-restricted-imports. The standalone app (src/app) is a consumer of the public entries only,
// and no production file imports the test helpers (src/test, *.test.*).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const layers = ['core', 'partners', 'callback', 'react', 'app']

/** The app is shipped to browsers: it never imports the sandbox, scripts or journeys. */
const outsideTheApp = {
  group: ['**/sandbox/**', '**/scripts/**', '**/e2e/**'],
  message: 'src/ may not depend on the sandbox, scripts or journeys',
}

/** Files in layer i may import only from layers before it. */
const layerRules = layers.map((layer, index) => ({
  files: [
    layer === 'app' ? 'src/app/**/*.{ts,tsx}' : `packages/sso-bridge/src/${layer}/**/*.{ts,tsx}`,
  ],
  // The core entry is the package's framework-free surface, partner adapters included. The app's
  // tests may use the test helpers and the shipped config (appTestRule below).
  ignores: layer === 'app' ? ['src/app/**/*.test.tsx'] : [],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          outsideTheApp,
          ...(layer === 'app'
            ? [
                {
                  group: ['../*', '!../app/*'],
                  message:
                    'src/app uses sso-bridge through its public entries only (sso-bridge/core, sso-bridge/callback, sso-bridge/react)',
                },
              ]
            : []),
          ...layers.slice(index + 1).map((later) => ({
            group: [`**/${later}/*`],
            message: `${layer}/ may not depend on ${later}/ (docs/architecture.md §5: dependencies flow one way)`,
          })),
          ...(layer === 'core' || layer === 'partners' || layer === 'callback'
            ? [
                {
                  group: ['react', 'react-dom', 'react-*', '@tanstack/*'],
                  message: 'the core has no React',
                },
              ]
            : []),
        ],
      },
    ],
  },
}))

/** The app's tests render it through the public entries too; only the test helpers are extra. */
const appTestRule = {
  files: ['src/app/**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          outsideTheApp,
          {
            group: ['**/core/*', '**/partners/*', '**/callback/*', '**/react/*'],
            message: 'src/app uses sso-bridge through its public entries only',
          },
        ],
      },
    ],
  },
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'packages/*/dist',
      'sandbox/dist',
      'sandbox/docs',
      'packages/sso-bridge/lib',
      '.lib-types',
      '.pack',
      'node_modules',
      'playwright-report',
      'test-results',
      // npm run test:mutation: Stryker's sandbox copies and its reports
      '.stryker-tmp',
      'reports',
      // Benchmark peers (bench/peers/*): their apps are measured subjects written in their own
      // style, outside the root tsconfig; only their Node scripts (*.mjs) are linted here.
      'bench/peers/*/node_modules',
      'bench/peers/*/dist',
      'bench/peers/*/src',
      // What the benchmarks write: results, profiles, and the minimal apps of npm run bench:floor
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'packages/sso-bridge/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
    },
  },
  {
    files: [
      'packages/bff/**/*.ts',
      'sandbox/**/*.ts',
      'scripts/**/*.{js,mjs}',
      'bench/**/*.mjs',
      'e2e/**/*.ts',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The BFF ships: it depends on neither the sandbox nor the browser app. Its tests may drive
    // the sandbox through packages/bff/src/testing/.
    files: ['packages/bff/src/**/*.ts'],
    ignores: ['packages/bff/src/testing/**', 'packages/bff/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/sandbox/**',
                '**/scripts/**',
                '**/e2e/**',
                '**/sso-bridge/src/**',
                '**/src/app/**',
              ],
              message: 'the BFF may not depend on the sandbox, scripts, journeys or the app',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layerRules,
  appTestRule,
  {
    // The same rules, plus: production files never reach the test helpers.
    files: ['src/**/*.{ts,tsx}', 'packages/sso-bridge/src/**/*.{ts,tsx}'],
    ignores: ['packages/sso-bridge/src/test/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)test\\/|\\.test(\\.|$)/]',
          message: 'production code may not import test helpers or tests (src/test)',
        },
      ],
    },
  },
  {
    files: ['packages/sso-bridge/src/test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outsideTheApp] }] },
  },
)
