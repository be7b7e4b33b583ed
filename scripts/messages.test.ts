// The catalogs against the code: a message no view uses, or an id a view names that the English
// catalog lacks, fails here (missing translations fail to compile, and catalog.test.ts checks
// every catalog has exactly English's ids).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { englishCatalog as en } from '../packages/sso-bridge/src/i18n/en.ts'

const ROOT = join(import.meta.dirname, '..')
/** Where messages are used: the package's source and the standalone app, tests excluded. */
const SOURCE_DIRS = ['packages/sso-bridge/src', 'src/app']

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      return entry.name === 'test' || entry.name === 'i18n' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const code = SOURCE_DIRS.flatMap(sourceFiles)
  .map((file) => readFileSync(join(ROOT, file), 'utf8'))
  .join('\n')

test('every message of the catalogs is used by the code', () => {
  const unused = Object.keys(en).filter(
    (id) => !code.includes(`'${id}'`) && !code.includes(`"${id}"`),
  )
  expect(unused, 'remove these from every catalog, or use them').toEqual([])
})

test('every message id the code names is in the English catalog', () => {
  const named = [...code.matchAll(/\bt\(\s*'([a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+)'/g)].map(
    (found) => found[1] ?? '',
  )
  expect(named.length).toBeGreaterThan(0)
  expect(named.filter((id) => !Object.hasOwn(en, id))).toEqual([])
})
