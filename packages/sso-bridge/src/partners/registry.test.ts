import { expect, test } from 'vitest'
import { safeWindowFor } from '../core/handoff-guard.ts'
import { testConfig } from '../test/runtime-config.ts'
import {
  PARTNER_NAMES,
  PARTNERS,
  type PartnerInput,
  type PartnerInputs,
  type PartnerName,
} from './registry.ts'
import { PARTNER_LINKS } from './links.ts'

test('every partner has its own route, permission and label', () => {
  expect(PARTNER_NAMES).toEqual(['assuresign', 'aimbase', 'abc'])
  const adapters = Object.values(PARTNERS)
  expect(new Set(adapters.map((a) => a.routePath.split('/')[0])).size).toBe(adapters.length)
  expect(new Set(adapters.map((a) => a.permission)).size).toBe(adapters.length)
  expect(new Set(adapters.map((a) => a.label)).size).toBe(adapters.length)
})

test('safe windows are half of each vendor token lifetime', () => {
  expect(safeWindowFor(PARTNERS.assuresign)).toBe(15_000)
  expect(safeWindowFor(PARTNERS.aimbase)).toBe(7_500)
  expect(safeWindowFor(PARTNERS.abc)).toBe(7.5 * 60_000)
})

test('only the abc hand-off leaves by a POST form, keeping its token out of the URL', () => {
  expect(PARTNER_NAMES.filter((name) => PARTNERS[name].landing === 'form-post')).toEqual(['abc'])
})

test("each partner's link reads back to the input it was made from", () => {
  const inputs = {
    assuresign: { envelopeId: '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f' },
    aimbase: { accountUid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', landing: '/Dashboard?tab=1' },
    abc: { lobId: 'ABSLI', functionality: 'POL' },
  } as const
  const abcConfig = {
    apiVersion: '1.0.0',
    lobs: [
      { id: 'ABSLI', label: 'Life', portalUrl: 'https://lob.example/sso', functionality: 'POL' },
    ],
  }
  const read = (name: 'assuresign' | 'aimbase' | 'abc', link: string) => {
    const url = new URL(link, 'https://app.example/handoff/')
    const [route] = PARTNERS[name].routePath.split('/:')
    const param = url.pathname.slice(`/handoff/${route ?? ''}/`.length)
    const params =
      name === 'assuresign' ? { envelopeId: param } : name === 'abc' ? { lobId: param } : {}
    return { params, search: url.searchParams }
  }
  expect(
    PARTNERS.assuresign.parseInput(
      read('assuresign', PARTNERS.assuresign.linkTo(inputs.assuresign)),
      testConfig().partners.assuresign,
    ),
  ).toEqual(inputs.assuresign)
  expect(
    PARTNERS.aimbase.parseInput(
      read('aimbase', PARTNERS.aimbase.linkTo(inputs.aimbase)),
      testConfig().partners.aimbase,
    ),
  ).toEqual(inputs.aimbase)
  expect(PARTNERS.abc.parseInput(read('abc', PARTNERS.abc.linkTo(inputs.abc)), abcConfig)).toEqual(
    inputs.abc,
  )
})

test("PartnerInputs names each partner's link input exactly (a mismatch does not compile)", () => {
  type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
  const same: { readonly [Name in PartnerName]: Same<PartnerInput<Name>, PartnerInputs[Name]> } = {
    assuresign: true,
    aimbase: true,
    abc: true,
  }
  expect(Object.values(same)).toEqual([true, true, true])
})

test.each(PARTNER_NAMES)('the %s adapter carries its links unchanged', (name) => {
  const adapter = PARTNERS[name] as object as Record<string, unknown>
  const links = PARTNER_LINKS[name] as object as Record<string, unknown>
  expect(Object.keys(links).sort()).toEqual([
    'destinations',
    'label',
    'linkTo',
    'permission',
    'routePath',
  ])
  for (const [key, value] of Object.entries(links)) expect(adapter[key], key).toBe(value)
})
