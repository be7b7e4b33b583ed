// The standalone app's stylesheets (src/app/*.css): logical properties only, so a right-to-left
// language lays out as a mirror image, and colours that stay readable in both colour schemes.
// Here, in Node, rather than beside them: the app's tests run in jsdom, where Vitest hands a CSS
// import over empty.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { contrastRatio, DARK_SURFACES } from '../packages/sso-bridge/src/core.ts'

const DIR = fileURLToPath(new URL('../src/app', import.meta.url))
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.css'))
const read = (name: string) => readFileSync(join(DIR, name), 'utf8')

/** Declarations that name a physical side or axis, each with its replacement. */
const PHYSICAL: readonly (readonly [RegExp, string])[] = [
  [
    /\b(?:margin|padding|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)\s*:/,
    '…-inline-start/end, …-block-start/end',
  ],
  [
    /\bborder-(?:left|right|top|bottom)(?:-[a-z]+)?\s*:/,
    'border-inline-start/end, border-block-start/end',
  ],
  [/\bborder-(?:top|bottom)-(?:left|right)-radius\s*:/, 'border-start-start-radius and the like'],
  [/(?:^|[\s;{])(?:left|right|top|bottom)\s*:/, 'inset-inline-start/end, inset-block-start/end'],
  [/\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b/, 'start or end'],
  [/(?:^|[\s;{])(?:min-|max-)?(?:width|height)\s*:/, 'inline-size, block-size'],
  [
    /(?:^|[\s;{])(?:margin|padding|inset)\s*:\s*[^;\s]+\s+[^;]+;/,
    '…-block and …-inline (two or more values are physical sides)',
  ],
]

/** `file:line: declaration (use …)` for each physical declaration of a stylesheet's text. */
function physicalProperties(file: string, css: string): string[] {
  const found: string[] = []
  // Comments blanked (line numbers kept); @media preludes such as (max-width: 480px) are no
  // declarations: the patterns need a declaration's start before the name.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
  text.split('\n').forEach((line, index) => {
    if (line.trimStart().startsWith('@')) return
    for (const [pattern, instead] of PHYSICAL) {
      if (pattern.test(line)) found.push(`${file}:${index + 1}: ${line.trim()} (use ${instead})`)
    }
  })
  return found
}

/** The custom properties of the first `:root` rule after `from` in a stylesheet. */
function rootProperties(css: string, from = 0): Map<string, string> {
  const start = css.indexOf(':root {', from)
  const body = css.slice(start, css.indexOf('}', start))
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', m[2] ?? '']))
}

function schemes(css: string) {
  return {
    light: rootProperties(css),
    dark: rootProperties(css, css.indexOf('@media (prefers-color-scheme: dark)')),
  }
}

test('the app stylesheets use logical properties only', () => {
  expect(FILES).toEqual(expect.arrayContaining(['shell.css', 'styles.css']))
  expect(FILES.flatMap((file) => physicalProperties(file, read(file)))).toEqual([])
})

test('the check finds each kind of physical property', () => {
  const css = [
    '.a { margin-left: 1rem; }',
    '.b { padding-right: 0; }',
    '.c { border-left: 4px solid red; }',
    '.d { left: 0; }',
    '.e { text-align: right; }',
    '.f { width: 100%; }',
    '.g { padding: 1rem 2rem; }',
    '.h { border-top-color: red; }',
    '@media (max-width: 480px) {',
    '.i { margin-inline-start: 1rem; padding: 1rem; text-align: start; inline-size: 1px; }',
  ].join('\n')
  expect(physicalProperties('x.css', css).map((line) => line.split(':')[1])).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
  ])
})

test('the dark page and card are the ones dark brand colours are checked against', () => {
  const { dark } = schemes(read('styles.css'))
  expect(dark.get('--bg')).toBe(DARK_SURFACES.surface)
  expect(dark.get('--card')).toBe(DARK_SURFACES.card)
})

test('the first paint has the app colours, in both schemes', () => {
  const app = schemes(read('styles.css'))
  const shell = schemes(read('shell.css'))
  for (const scheme of ['light', 'dark'] as const) {
    expect(shell[scheme].size, scheme).toBeGreaterThan(0)
    for (const [name, value] of shell[scheme]) expect(app[scheme].get(name), name).toBe(value)
  }
})

test('text colours reach 4.5:1 on the page and the card in both schemes', () => {
  const defaults = { light: '#2d5bd7', dark: '#8ab4f8' } // the accent without branding
  for (const [scheme, colors] of Object.entries(schemes(read('styles.css')))) {
    const color = (name: string) =>
      colors.get(name) ?? schemes(read('styles.css')).light.get(name) ?? ''
    for (const surface of ['--bg', '--card']) {
      for (const text of ['--ink', '--muted', '--danger']) {
        const ratio = contrastRatio(color(text), color(surface))
        expect(ratio, `${scheme} ${text} on ${surface}`).toBeGreaterThanOrEqual(4.5)
      }
      const accent = defaults[scheme as keyof typeof defaults]
      expect(contrastRatio(accent, color(surface)), `${scheme} accent`).toBeGreaterThanOrEqual(4.5)
    }
    expect(
      contrastRatio(color('--on-accent'), defaults[scheme as keyof typeof defaults]),
    ).toBeGreaterThanOrEqual(4.5)
  }
})
