import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import {
  dynamicImportsOf,
  libOverBudget,
  measureBundle,
  measureLibEntry,
  overBudget,
  staticImportsOf,
} from './bundle-budget.ts'

let dir: string | undefined
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

function site(): string {
  dir = mkdtempSync(join(tmpdir(), 'budget-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<script type="module" crossorigin src="/assets/entry.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/shared.js">',
  )
  writeFileSync(join(dir, 'assets', 'entry.js'), 'console.log(1)')
  writeFileSync(join(dir, 'assets', 'shared.js'), 'x'.repeat(10_000))
  writeFileSync(join(dir, 'assets', 'lazy.js'), 'y'.repeat(50_000))
  return dir
}

test('the signed-in path adds the chunk the entry imports on every page and its static imports, not what loads on demand', () => {
  const root = site()
  writeFileSync(
    join(root, 'assets', 'entry.js'),
    "import './shared.js'; const app = await import('./app.js'); app.render(() => import(`./${'x'}.js`))",
  )
  writeFileSync(
    join(root, 'assets', 'app.js'),
    "import { a } from './react.js'; export const render = () => import('./lazy.js')",
  )
  writeFileSync(join(root, 'assets', 'react.js'), `export const a = '${'r'.repeat(20_000)}'`)
  const sizes = measureBundle(root, [])
  expect(sizes.entryPath.map((f) => f.file)).toEqual(['/assets/entry.js', '/assets/shared.js'])
  expect(sizes.signedInPath.map((f) => f.file)).toEqual([
    '/assets/entry.js',
    '/assets/shared.js',
    '/assets/app.js',
    '/assets/react.js',
  ])
  expect(sizes.signedInPathGzip).toBe(sizes.signedInPath.reduce((sum, f) => sum + f.gzip, 0))
  expect(sizes.signedInPathGzip).toBeGreaterThan(sizes.entryPathGzip)
})

test('dynamic imports are read from the code; a specifier built at run time is not followed', () => {
  expect(
    dynamicImportsOf(
      'x.js',
      'import(\'./a.js\'); import("./b.js"); import(`./c.js`); import(`./${n}.js`)',
    ),
  ).toEqual(['./a.js', './b.js', './c.js'])
})

test('the entry path is the entry script plus what index.html preloads, not lazy chunks', () => {
  const root = site()
  const all = ['entry.js', 'shared.js', 'lazy.js'].map((f) => join(root, 'assets', f))
  const sizes = measureBundle(root, all)
  expect(sizes.entryPath.map((f) => f.file)).toEqual(['/assets/entry.js', '/assets/shared.js'])
  expect(sizes.allJsGzip).toBeGreaterThan(sizes.entryPathGzip)
})

test('sizes over the budget are reported, sizes within it are not', () => {
  const sizes = {
    entryPath: [],
    entryPathGzip: 25_000,
    signedInPath: [],
    signedInPathGzip: 90_000,
    allJsGzip: 100_000,
  }
  const budget = { entryPathGzip: 30_000, signedInPathGzip: 95_000, allJsGzip: 150_000 }
  expect(overBudget(sizes, budget)).toEqual([])
  expect(overBudget(sizes, { ...budget, entryPathGzip: 20_000 })).toEqual([
    'entry path 25000 B gzip > budget 20000 B',
  ])
  expect(overBudget(sizes, { ...budget, signedInPathGzip: 80_000 })).toEqual([
    'signed-in path 90000 B gzip > budget 80000 B',
  ])
})

function lib(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'lib-budget-'))
  mkdirSync(join(dir, 'chunks'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const libFiles = {
  'a.js':
    'import { s } from "./chunks/shared.js"\nimport { x } from "react"\n' +
    'export { d } from "./chunks/deep.js"\nexport const a = () => import("./chunks/lazy.js")',
  'b.js': 'import "./chunks/shared.js"\nexport const b = 2',
  'chunks/shared.js':
    'import { d } from "./deep.js"\nimport { z } from "zod/mini"\nexport const s = d',
  'chunks/deep.js': `export const d = ${JSON.stringify('d'.repeat(2_000))}`,
  'chunks/lazy.js': `export const l = ${JSON.stringify('l'.repeat(50_000))}`,
}

test('static imports and re-exports count, dynamic imports do not', () => {
  expect(staticImportsOf('a.js', libFiles['a.js'])).toEqual([
    './chunks/shared.js',
    'react',
    './chunks/deep.js',
  ])
})

test("an entry's size is its file plus every chunk it imports statically, transitively", () => {
  const root = lib(libFiles)
  const a = measureLibEntry(root, 'a')
  expect(a.files).toEqual(['a.js', 'chunks/shared.js', 'chunks/deep.js'])
  expect(a.packages).toEqual(['react', 'zod/mini'])
  const b = measureLibEntry(root, 'b')
  expect(b.files).toEqual(['b.js', 'chunks/shared.js', 'chunks/deep.js'])
  expect(b.packages).toEqual(['zod/mini'])
  // The shared chunks count in full for each entry; the lazy chunk for neither.
  expect(a.gzip).toBeGreaterThan(b.gzip)
  expect(a.gzip).toBeLessThan(1_000)
})

test('the budgeted size is of minified code; the size as shipped is reported beside it', () => {
  const comments = '// a comment that the minifier drops\n'.repeat(50)
  const root = lib({
    'e.js': `${comments}export function f(longName) {\n  return longName + 1\n}\n`,
  })
  const size = measureLibEntry(root, 'e')
  expect(size.gzip).toBeLessThan(size.shippedGzip)
})

test('entries over their budget are reported, and so is an entry without one', () => {
  const size = (entry: string, gzip: number) => ({
    entry,
    files: [],
    packages: [],
    gzip,
    shippedGzip: gzip,
  })
  const budget = { core: 1_000, callback: 500 }
  expect(libOverBudget([size('core', 900), size('callback', 500)], budget)).toEqual([])
  expect(libOverBudget([size('core', 1_200), size('react', 1)], budget)).toEqual([
    'core 1200 B gzip > budget 1000 B',
    'react has no budget in LIB_BUDGET',
  ])
})
