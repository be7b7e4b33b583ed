// The contract is the one place both packages agree on: a code or a shape changed here must fail
// the type check of the side that no longer agrees. Each test compiles one file of a package with
// that package's own compiler settings, the contract's text changed in memory.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const CONTRACT = fileURLToPath(new URL('./contract.ts', import.meta.url))
const CONTRACT_TEXT = readFileSync(CONTRACT, 'utf8')

const SIDES = {
  browser: 'tsconfig.app.json',
  bff: 'packages/bff/tsconfig.json',
} as const

function settingsOf(side: keyof typeof SIDES): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    ROOT + SIDES[side],
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  if (parsed === undefined) throw new Error(`${SIDES[side]} does not parse`)
  return { ...parsed.options, noEmit: true }
}

/** The type errors of `file` (from the repository root) with `contract` as the contract's text. */
function typeErrors(side: keyof typeof SIDES, file: string, contract: string): string[] {
  const options = settingsOf(side)
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  host.readFile = (path) => (path === CONTRACT ? contract : readFile(path))
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (path, language, ...rest) =>
    path === CONTRACT
      ? ts.createSourceFile(path, contract, language)
      : getSourceFile(path, language, ...rest)
  const program = ts.createProgram({ rootNames: [ROOT + file], options, host })
  const source = program.getSourceFile(ROOT + file)
  return ts
    .getPreEmitDiagnostics(program, source)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
}

function changed(from: string, to: string): string {
  expect(CONTRACT_TEXT).toContain(from)
  return CONTRACT_TEXT.replace(from, to)
}

const BROWSER_ERRORS = 'packages/sso-bridge/src/core/bff-errors.ts'
const BFF_ERRORS = 'packages/bff/src/errors.ts'
const BROWSER_SESSION = 'packages/sso-bridge/src/core/session.ts'
const BFF_SESSIONS = 'packages/bff/src/session/sessions.ts'

test('both sides type-check against the contract as it is', () => {
  expect(typeErrors('browser', BROWSER_ERRORS, CONTRACT_TEXT)).toEqual([])
  expect(typeErrors('bff', BFF_ERRORS, CONTRACT_TEXT)).toEqual([])
})

test("renaming a BFF error code fails the browser package's type check", () => {
  const renamed = changed('  sign_in_not_bound: 403,', '  sign_in_unbound: 403,')
  expect(typeErrors('browser', BROWSER_ERRORS, renamed).join('\n')).toMatch(/sign_in_not_bound/)
})

test("renaming a BFF error code fails the BFF's type check", () => {
  const renamed = changed('  sign_in_not_bound: 403,', '  sign_in_unbound: 403,')
  expect(typeErrors('bff', BFF_ERRORS, renamed).join('\n')).toMatch(/sign_in_not_bound/)
})

test('a session view field renamed in the contract fails both sides', () => {
  const renamed = changed('  readonly idleTimeoutSeconds: number', '  readonly idleSeconds: number')
  expect(typeErrors('browser', BROWSER_SESSION, renamed).join('\n')).toMatch(/idleTimeoutSeconds/)
  expect(typeErrors('bff', BFF_SESSIONS, renamed).join('\n')).toMatch(/idleTimeoutSeconds/)
})

const BROWSER_HANDOFF_RUN = 'packages/sso-bridge/src/core/handoff-run.ts'
const BFF_RELAY = 'packages/bff/src/partners/partner-relay.ts'

test("a field of the wrapped vendor answer renamed in the contract fails the BFF's relay and the browser's unwrap", () => {
  const renamed = changed('    readonly contentType: string', '    readonly mediaType: string')
  expect(typeErrors('browser', BROWSER_HANDOFF_RUN, renamed).join('\n')).toMatch(/contentType/)
  expect(typeErrors('bff', BFF_RELAY, renamed).join('\n')).toMatch(/contentType/)
})

test("renaming the wrapped vendor answer's code fails the browser's unwrap", () => {
  const renamed = changed('  partner_refused: 502,', '  partner_declined: 502,')
  expect(typeErrors('browser', BROWSER_HANDOFF_RUN, renamed).join('\n')).toMatch(/partner_refused/)
})
