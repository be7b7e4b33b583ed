// Acme CRM's own lint, picked up for its files (ESLint looks up the config from each file).
// Without type information: the root's `npm run lint` runs before this app's dependencies (and
// sso-bridge's tarball) are installed; `tsc --noEmit` in its build checks the types.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', '**/src/core/**', '**/src/react/**', '**/src/callback/**'],
              message: 'Acme CRM uses sso-bridge through its package entries only',
            },
          ],
        },
      ],
    },
  },
  { files: ['*.config.{js,ts}'], languageOptions: { globals: globals.node } },
)
