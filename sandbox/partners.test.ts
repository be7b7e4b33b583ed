import { expect, test } from 'vitest'
import { bffEnvironment, defaultSandboxUrls } from './bff-env.ts'
import { sandboxPartners, withSandboxPartners } from './partners.ts'

test('every partner is configured unless SSO_SANDBOX_PARTNERS names some', () => {
  expect(sandboxPartners({})).toEqual(['assuresign', 'aimbase', 'abc'])
  expect(sandboxPartners({ SSO_SANDBOX_PARTNERS: '' })).toEqual(['assuresign', 'aimbase', 'abc'])
  expect(sandboxPartners({ SSO_SANDBOX_PARTNERS: 'abc, assuresign' })).toEqual([
    'assuresign',
    'abc',
  ])
})

test('SSO_SANDBOX_PARTNERS refuses a name that is not a partner, naming it', () => {
  expect(() => sandboxPartners({ SSO_SANDBOX_PARTNERS: 'assuresign,docusign' })).toThrow(
    'SSO_SANDBOX_PARTNERS: "docusign" is not a partner (known: assuresign, aimbase, abc)',
  )
})

test('the served runtime config keeps only the sandbox partners, the rest as it was', () => {
  const text = JSON.stringify({ apiBase: '/api', partners: { assuresign: { a: 1 }, abc: {} } })
  expect(JSON.parse(withSandboxPartners(text, ['assuresign']))).toEqual({
    apiBase: '/api',
    partners: { assuresign: { a: 1 } },
  })
})

test("the BFF's sandbox environment carries the variables of the sandbox partners only", () => {
  const names = Object.keys(bffEnvironment(defaultSandboxUrls(), 4020, ['assuresign']))
  expect(names.filter((name) => name.startsWith('SSO_BFF_ASSURESIGN_'))).toHaveLength(3)
  expect(names.filter((name) => /^SSO_BFF_(AIMBASE|ABC)_/.test(name))).toEqual([])
  const all = Object.keys(bffEnvironment(defaultSandboxUrls(), 4020))
  expect(all.filter((name) => /^SSO_BFF_(AIMBASE|ABC)_/.test(name))).toHaveLength(5)
})
