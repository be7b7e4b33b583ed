// The CSP form-action of the scripts (vite preview, the nginx configs, the topology) comes from
// one reader, formActionOrigins: the runtime config file checked by the app's own rules, the
// origins the partner adapters declare. A config the app would refuse gives no policy at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { RuntimeConfigError, contentSecurityPolicy, formActionOrigins } from './security-headers.ts'
import { withPortals, writeRuntimeConfig } from './testing/runtime-config-file.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A path for a config file in a fresh scratch directory. */
function scratchFile(name = 'sso.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sso-form-action-'))
  dirs.push(dir)
  return join(dir, name)
}

/** What formActionOrigins throws for `file`. */
function refusal(file: string): Error {
  try {
    formActionOrigins(file)
  } catch (error) {
    return error as Error
  }
  throw new Error(`${file} was not refused`)
}

test('the shipped config allows form posts to the sandbox portal only', () => {
  expect(formActionOrigins()).toEqual(['http://127.0.0.1:4060'])
  expect(contentSecurityPolicy()).toContain(
    "form-action http://127.0.0.1:4060; frame-ancestors 'none'",
  )
})

test('two lines of business on one portal origin give that origin once', () => {
  const file = writeRuntimeConfig(
    scratchFile(),
    withPortals('https://portal.example/life/sso', 'https://portal.example/funds/sso?x=1'),
  )
  expect(formActionOrigins(file)).toEqual(['https://portal.example'])
})

test.each([
  [
    'plain http off loopback',
    'http://evil.example/sso',
    'must use https (http only on a loopback host)',
  ],
  ['a javascript: URL', 'javascript:alert(1)', 'must use https (http only on a loopback host)'],
  ['userinfo', 'https://user:pw@portal.example/sso', 'must not carry userinfo'],
])(
  'a portal URL with %s is refused, naming the file and the field',
  (_case, portalUrl, problem) => {
    const file = writeRuntimeConfig(
      scratchFile(),
      withPortals('https://portal.example/sso', portalUrl),
    )
    const error = refusal(file)
    expect(error).toBeInstanceOf(RuntimeConfigError)
    expect(error.message).toBe(`${file}: partners.abc.lobs.1.portalUrl ${problem}`)
  },
)

test('every bad field of a refused config has its own line, by its path', () => {
  const file = writeRuntimeConfig(scratchFile(), (config) => {
    withPortals('javascript:alert(1)', 'https://portal.example/sso')(config)
    config.partners.assuresign.origin = 'http://sign.example'
  })
  expect(refusal(file).message.split('\n')).toEqual([
    `${file}: partners.assuresign.origin must use https (http only on a loopback host)`,
    `${file}: partners.abc.lobs.0.portalUrl must use https (http only on a loopback host)`,
  ])
})

test('a config without the fields the app needs is refused, not read as no portals', () => {
  const file = scratchFile()
  writeFileSync(file, JSON.stringify({ partners: { abc: { lobs: [] } } }))
  const lines = refusal(file).message.split('\n')
  expect(lines).toContain(`${file}: apiBase Invalid input: expected string, received undefined`)
  expect(lines).toContain(
    `${file}: partners.abc.apiVersion Invalid input: expected string, received undefined`,
  )
})

test('a file that is not JSON is refused, naming the file', () => {
  const file = scratchFile()
  writeFileSync(file, '{ "partners": ')
  const error = refusal(file)
  expect(error).toBeInstanceOf(RuntimeConfigError)
  expect(error.message).toContain(`${file}: not JSON (`)
})

test('the config is checked as it is served: moved ports move form-action', () => {
  const file = writeRuntimeConfig(scratchFile(), () => undefined)
  const served = (text: string) => text.replaceAll('127.0.0.1:4060', '127.0.0.1:5060')
  expect(formActionOrigins(file, { served })).toEqual(['http://127.0.0.1:5060'])
  // What the server would send is checked, not the file on disk.
  const broken = (text: string) => text.replaceAll('http://127.0.0.1:4060', 'http://evil.example')
  expect(() => formActionOrigins(file, { served: broken })).toThrow(
    `${file}: partners.abc.lobs.0.portalUrl must use https`,
  )
})

test('a file inside the repository is named by its path there', () => {
  // public/sso.config.json is valid, so an invalid served text stands for a broken file there.
  const broken = (text: string) =>
    text.replace('"apiBase": "/api"', '"apiBase": "https://api.example"')
  expect(() => formActionOrigins(undefined, { served: broken })).toThrow(
    /^public\/sso\.config\.json: apiBase must be a same-origin path like "\/api"$/,
  )
})
