// Mutation testing (`npm run test:mutation`, docs/qa.md "Mutation testing"): Stryker changes one
// line of a rule at a time and runs the unit tests that cover it; a change no test notices is a
// rule no test holds. Not part of `npm test` (it takes tens of minutes); run it after changing a
// rule of sign-in, a hand-off, the BFF's routes or its sessions.
//
// Scope: the sign-in and hand-off rules of the app (src/core, src/callback, src/partners) and the
// BFF's auth, session and partner-route modules. The views' words and colours
// (src/core/error-messages.ts, src/core/branding.ts) are presentation, not rules, and left out.
//
// Equivalent mutants (a change that cannot alter behaviour) are marked where they are, with
// `// Stryker disable next-line <mutator>: <reason>`, and listed here:
//   src/core/json.ts (catch block, BlockStatement): an empty catch returns the same undefined
//   src/core/email-address.ts (`?? ''`, StringLiteral): split always gives a last label
//   src/callback/callback-url.ts (replaceState title, StringLiteral): browsers ignore the title

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/core/**/*.ts',
    'src/callback/**/*.ts',
    'src/partners/**/*.ts',
    'server/src/routes/**/*.ts',
    'server/src/session/**/*.ts',
    '!**/*.test.ts',
    '!**/index.ts',
    '!src/core/error-messages.ts',
    '!src/core/branding.ts',
  ],
  coverageAnalysis: 'perTest',
  // A mutant of a module-level constant (a "static" one: a regex, a limit, a table) is live before
  // any test starts, so each needs every test file run again: here 561 of them, 86% of the time.
  // They are not run; the tables they change are asserted by the unit tests all the same.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['progress-append-only', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // Later runs test again only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
