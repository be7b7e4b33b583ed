import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { measureBundle, overBudget } from './bundle-budget.ts'

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

test('the entry path is the entry script plus what index.html preloads, not lazy chunks', () => {
  const root = site()
  const all = ['entry.js', 'shared.js', 'lazy.js'].map((f) => join(root, 'assets', f))
  const sizes = measureBundle(root, all)
  expect(sizes.entryPath.map((f) => f.file)).toEqual(['/assets/entry.js', '/assets/shared.js'])
  expect(sizes.allJsGzip).toBeGreaterThan(sizes.entryPathGzip)
})

test('sizes over the budget are reported, sizes within it are not', () => {
  const sizes = { entryPath: [], entryPathGzip: 25_000, allJsGzip: 100_000 }
  expect(overBudget(sizes, { entryPathGzip: 20_000, allJsGzip: 150_000 })).toEqual([
    'entry path 25000 B gzip > budget 20000 B',
  ])
  expect(overBudget(sizes, { entryPathGzip: 30_000, allJsGzip: 150_000 })).toEqual([])
})
