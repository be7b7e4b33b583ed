// Mutation testing (`npm run test:mutation`, docs/qa.md "Mutation testing"): Stryker changes one
// line of a rule at a time and runs the unit tests that cover it; a change no test notices is a
// rule no test holds. Not part of `npm test` (it takes tens of minutes); run it after changing a
// rule of sign-in, a hand-off, the BFF's routes or its sessions.
//
// Scope: the sign-in and hand-off rules of the app (src/core, src/callback, src/partners) and the
// BFF's auth, session and partner-route modules. The views' words and colours
// (src/core/error-messages.ts, src/core/branding.ts) are presentation, not rules, and left out.
//
// Equivalent mutants (a change that cannot alter behaviour, or code no input can reach) are
// marked where they are, with `// Stryker disable next-line <mutator>: <reason>` (or a
// disable/restore pair), and listed here:
//   packages/sso-bridge/src/core/json.ts (catch block, BlockStatement): an empty catch returns the same undefined
//   packages/sso-bridge/src/core/email-address.ts (`?? ''`, StringLiteral): split always gives a last label
//   packages/sso-bridge/src/callback/callback-url.ts, src/core/handoff-run.ts x2 (replaceState title, StringLiteral):
//     browsers ignore the title argument
//   packages/sso-bridge/src/core/handoff-input.ts (`code <= 0x20`, EqualityOperator): `< 0x20` refuses the same,
//     since /\s/ refuses the space
//   packages/sso-bridge/src/core/handoff-input.ts (the URL parse and origin check, all): unreachable after the checks
//     before them (one leading "/", no "//", no backslash, no space or control always parses
//     against the probe origin and stays on it)
//   packages/sso-bridge/src/core/handoff-input.ts (`issues[0]?.message ?? 'is invalid'`, OptionalChaining and
//     StringLiteral): a failed safeParse has at least one issue
//   packages/sso-bridge/src/core/handoff.ts (detail ternary, ConditionalExpression): { detail: undefined } makes the
//     same SsoError as {}
//   packages/sso-bridge/src/core/handoff-run.ts (sessionAwareFetch's contentType, StringLiteral): sessionEndedReason
//     reads only the status and the text
//   packages/sso-bridge/src/partners/aimbase.ts (doctype check after parsing, ConditionalExpression): a doctype needs
//     "<!DOCTYPE", refused before parsing
//   packages/sso-bridge/src/partners/aimbase.ts (nodeValue in the error-shape loop, OptionalChaining): a child that is
//     not an element always has a string nodeValue
//   packages/bff/src/routes/auth-routes.ts x3, abc-route.ts, aimbase-route.ts (refusal messages,
//     StringLiteral): a 4xx message is neither answered (the contract's own words are) nor logged
//   packages/bff/src/routes/aimbase-route.ts (the login cache key, StringLiteral): the one key of
//     Aimbase API logins; any other string caches the same
//   packages/bff/src/routes/partner-relay.ts (Content-Type of a relayed answer, ConditionalExpression):
//     Fastify sends a Buffer without one as application/octet-stream either way
//   packages/bff/src/session/redis-session-store.ts ('ready' resets unreachable, BooleanLiteral): every
//     'ready' after the first follows a 'reconnecting', which sets it again
//
// Module-level tables (vendor-detail's ENTITIES, the callback's RULES, the email regexes) are built
// when the module loads, before Stryker turns a mutant on for a test; the ones Stryker sees as
// covered by a test survive here although a hand-applied change fails the tests (docs/qa.md).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'packages/sso-bridge/src/core/**/*.ts',
    'packages/sso-bridge/src/callback/**/*.ts',
    'packages/sso-bridge/src/partners/**/*.ts',
    'packages/bff/src/routes/**/*.ts',
    'packages/bff/src/session/**/*.ts',
    '!**/*.test.ts',
    '!packages/sso-bridge/src/*.ts',
    '!packages/sso-bridge/src/core/error-messages.ts',
    '!packages/sso-bridge/src/core/branding.ts',
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
