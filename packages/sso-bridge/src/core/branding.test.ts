import { expect, test } from 'vitest'
import {
  brandingSchema,
  colorProblems,
  contrastRatio,
  darkColorProblems,
  faviconUrlProblems,
  logoUrlProblems,
} from './branding.ts'
import { DARK_SURFACES, pageTitle, supportHref } from './brand-display.ts'
import { parseConfigWith } from './config.ts'

const NORTHWIND = {
  productName: 'Northwind Partner Hub',
  logoUrl: '/brand/northwind-logo.svg',
  faviconUrl: '/brand/northwind-favicon.svg',
  support: { label: 'Northwind IT Service Desk', email: 'it-support@northwind.example' },
  colors: { primary: '#0b5cad', header: '#14213d' },
}

function problems(value: unknown): string[] {
  const result = parseConfigWith(brandingSchema, value)
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`)
}

test('a complete branding is valid', () => {
  expect(problems(NORTHWIND)).toEqual([])
  expect(problems({ productName: 'Hub' })).toEqual([])
})

test('contrast follows WCAG 2.1: black on white is 21:1, a colour on itself 1:1', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  expect(contrastRatio('#0b5cad', '#0b5cad')).toBe(1)
  expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
})

test('a colour too light to read against white is refused with its ratio', () => {
  // The old focus ring: amber on white.
  expect(colorProblems('#f2a900')).toEqual([
    'must reach 4.5:1 contrast with white (it has 2.01:1); use a darker colour',
  ])
  expect(colorProblems('#767676')).toEqual([])
  expect(colorProblems('#777777')).toHaveLength(1)
  expect(colorProblems('blue')).toEqual(['must be a colour like "#0b5cad"'])
  expect(problems({ ...NORTHWIND, colors: { primary: '#0b5cad', header: '#ffcc00' } })).toEqual([
    expect.stringMatching(/^colors\.header: must reach 4\.5:1/),
  ])
})

test('the logo must be a same-origin image path', () => {
  expect(logoUrlProblems('/brand/logo.png')).toEqual([])
  for (const bad of [
    'https://cdn.example/logo.svg',
    '//cdn.example/logo.svg',
    '/brand/../secret.svg',
    '/brand/logo.gif',
    'javascript:alert(1)',
    'data:image/svg+xml,<svg/>',
  ]) {
    expect(logoUrlProblems(bad), bad).toHaveLength(1)
  }
})

test('the favicon must be a same-origin .svg, .png or .ico path', () => {
  expect(faviconUrlProblems('/favicon.ico')).toEqual([])
  expect(faviconUrlProblems('/brand/mark.png')).toEqual([])
  for (const bad of [
    'https://cdn.example/favicon.ico',
    '//cdn.example/favicon.svg',
    '/brand/../favicon.svg',
    '/brand/favicon.webp',
    'data:,',
  ]) {
    expect(faviconUrlProblems(bad), bad).toEqual([
      'must be a same-origin path of an .svg, .png or .ico image, like "/brand/favicon.svg"',
    ])
  }
  expect(problems({ productName: 'Hub', faviconUrl: '/brand/mark.gif' })).toEqual([
    expect.stringMatching(/^faviconUrl: must be a same-origin path/),
  ])
})

test('dark-scheme colours must reach 4.5:1 against the dark page and card', () => {
  expect(darkColorProblems('#8ab4f8')).toEqual([])
  // The light brand blue is too dark for the dark card.
  const ratio = contrastRatio('#0b5cad', DARK_SURFACES.surface).toFixed(2)
  expect(darkColorProblems('#0b5cad')).toEqual([
    `must reach 4.5:1 contrast with the dark surface ${DARK_SURFACES.surface} (it has ${ratio}:1); use a lighter colour`,
  ])
  // Light enough for the page, not for the lighter card.
  expect(contrastRatio('#7d889c', DARK_SURFACES.surface)).toBeGreaterThan(4.5)
  expect(darkColorProblems('#7d889c')[0]).toMatch(/^must reach 4\.5:1 contrast with the dark card /)
  expect(darkColorProblems('dark blue')).toEqual(['must be a colour like "#8ab4f8"'])
  const colors = (dark: unknown) =>
    problems({ productName: 'Hub', colors: { primary: '#0b5cad', dark } })
  expect(colors({ primary: '#8ab4f8', header: '#c5d4f5' })).toEqual([])
  expect(colors({ primary: '#8ab4f8', header: '#14213d' })).toEqual([
    expect.stringMatching(/^colors\.dark\.header: must reach 4\.5:1 contrast with the dark/),
  ])
  expect(colors({ header: '#c5d4f5' })[0]).toMatch(/^colors\.dark\.primary: /)
  expect(colors({ primary: '#8ab4f8', accent: '#8ab4f8' })[0]).toMatch(/accent/)
})

test('the support contact needs a label and exactly one of email and url', () => {
  const support = (value: unknown) => problems({ productName: 'Hub', support: value })
  expect(support({ label: 'Desk', url: 'https://help.example/desk' })).toEqual([])
  expect(support({ label: 'Desk' })).toEqual(['support: needs exactly one of "email" and "url"'])
  expect(support({ label: 'Desk', email: 'a@b.example', url: 'https://help.example' })).toEqual([
    'support: needs exactly one of "email" and "url"',
  ])
  expect(support({ label: 'Desk', email: 'not an email' })).toEqual([
    'support.email: must be an email address like it-support@company.com',
  ])
  expect(support({ label: 'Desk', url: 'javascript:alert(1)' })[0]).toMatch(/^support\.url: /)
  expect(support({ label: ' ', email: 'a@b.example' })[0]).toMatch(/^support\.label: /)
})

test('the privacy and terms links must be https (http on loopback) pages, each optional', () => {
  const links = (value: unknown) => problems({ productName: 'Hub', links: value })
  expect(
    links({ privacy: 'https://northwind.example/privacy', terms: 'http://127.0.0.1:8080/terms' }),
  ).toEqual([])
  expect(links({ terms: 'https://northwind.example/terms?v=2' })).toEqual([])
  expect(links({})).toEqual([])
  expect(links({ privacy: 'http://northwind.example/privacy' })).toEqual([
    'links.privacy: must use https (http only on a loopback host)',
  ])
  expect(links({ terms: 'javascript:alert(1)' })).toEqual([
    'links.terms: must use https (http only on a loopback host)',
  ])
  expect(links({ terms: 'https://user:pw@northwind.example/terms' })).toEqual([
    'links.terms: must not carry userinfo',
  ])
  expect(links({ privacy: '/privacy' })).toEqual(['links.privacy: must be an absolute URL'])
  expect(links({ cookies: 'https://northwind.example/cookies' })[0]).toMatch(/cookies/)
})

test('unknown fields and an empty product name are refused', () => {
  expect(problems({ productName: '' })[0]).toMatch(/^productName: /)
  expect(problems({ productName: 'Hub', theme: 'dark' })[0]).toMatch(/theme/)
})

test('a tab title carries the product name only when the config gives one', () => {
  expect(pageTitle('Sign in', NORTHWIND)).toBe('Sign in – Northwind Partner Hub')
  expect(pageTitle('Sign in', undefined)).toBe('Sign in')
})

test('the support contact leads to a mailto: link or its URL', () => {
  expect(supportHref(NORTHWIND.support)).toBe('mailto:it-support@northwind.example')
  expect(supportHref({ label: 'Desk', url: 'https://help.example/desk' })).toBe(
    'https://help.example/desk',
  )
})
