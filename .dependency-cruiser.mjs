// The repository's layers (docs/architecture.md, "Layers"), checked by dependency-cruiser in
// `npm test` (`npm run deps`). Each rule names what it refuses; scripts/dependency-rules.test.ts
// breaks each one on purpose. ESLint's no-restricted-imports adds the finer order inside the
// browser package (core → partners → callback → react).

/** Tests and the test helpers: anything here may reach further than production code. */
const TESTS = '(\\.test\\.tsx?$|^packages/sso-bridge/src/test/|^packages/bff/src/testing/)'
/** What ships: the two packages, the contract and our standalone app, tests left out. */
const PRODUCTION = '^(packages/(sso-bridge|bff|contract)/src|src/app)/'
/** The public entries of the browser package, and the contract both packages share. */
const PUBLIC_ENTRIES =
  '^packages/sso-bridge/src/(core|callback|react)\\.ts$|^packages/contract/src/contract\\.ts$'

/** The testing kit's tests and test helpers (sandbox/): they may read the repository. */
const KIT_TESTS = '(\\.test\\.ts$|/test-[^/]*\\.ts$|^sandbox/fidelity/)'

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const RULES = [
  {
    name: 'no-cycle',
    comment: 'No import cycle, type-only imports included: a cycle means two modules are one.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'browser-package-not-bff',
    comment:
      'The browser package (and our app) meet the BFF only in the contract: a host installs ' +
      'sso-bridge and never a server.',
    severity: 'error',
    from: { path: '^(packages/sso-bridge|src/app)/' },
    to: { path: '^packages/bff/' },
  },
  {
    name: 'bff-not-browser-package',
    comment: 'The BFF meets the browser package only in the contract.',
    severity: 'error',
    from: { path: '^packages/bff/' },
    to: { path: '^(packages/sso-bridge|src/app)/' },
  },
  {
    name: 'contract-imports-nothing',
    comment:
      'The contract is types and constants: it depends on nothing, so both sides can bundle it.',
    severity: 'error',
    from: { path: '^packages/contract/src/', pathNot: TESTS },
    to: {},
  },
  {
    name: 'production-not-test-helpers',
    comment: 'Production code never imports a test, the test helpers or the testing kit internals.',
    severity: 'error',
    from: { path: PRODUCTION, pathNot: TESTS },
    to: { path: TESTS },
  },
  {
    name: 'production-not-repository-tools',
    comment: 'What ships never depends on the sandbox, the journeys, the scripts or the benchmark.',
    severity: 'error',
    from: { path: PRODUCTION, pathNot: TESTS },
    to: { path: '^(sandbox|e2e|scripts|bench)/' },
  },
  {
    name: 'sandbox-public-entries-only',
    comment:
      'The sandbox stands for other parties: it may use the packages only as a host would, through ' +
      'their public entries (and the contract).',
    severity: 'error',
    from: { path: '^sandbox/' },
    to: { path: '^packages/', pathNot: PUBLIC_ENTRIES },
  },
  {
    name: 'kit-self-contained',
    comment:
      'The testing kit (sandbox/, published as sso-bridge-sandbox) ships on its own: nothing it ' +
      'runs reaches our app, the journeys, the scripts, the example or the public/ files.',
    severity: 'error',
    from: { path: '^sandbox/', pathNot: KIT_TESTS },
    to: { path: '^(src|e2e|scripts|bench|examples|public)/' },
  },
  {
    name: 'app-public-entries-only',
    comment: 'Our standalone app is one consumer of sso-bridge: public entries only.',
    severity: 'error',
    from: { path: '^src/app/', pathNot: TESTS },
    to: { path: '^packages/sso-bridge/', pathNot: PUBLIC_ENTRIES },
  },
]

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: RULES,
  options: {
    // Type-only imports count: `import type` cycles and layer breaks are refused too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '(^|/)(node_modules|dist|lib|\\.lib-types|\\.pack|bench/peers)/',
    },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
}
