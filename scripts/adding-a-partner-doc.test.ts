// docs/adding-a-partner.md lists the files a partner is in the two packages. These tests hold that
// list to both registries, so the page cannot drift from the code: every registered partner has
// exactly those files, each registry imports exactly its partners' modules, and no other
// production file of either package names a partner.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { BFF_PARTNERS } from '../packages/bff/src/partners/registry.ts'
import { PARTNER_NAMES } from '../packages/contract/src/contract.ts'
import { PARTNER_LINKS } from '../packages/sso-bridge/src/partners/links.ts'
import { PARTNERS } from '../packages/sso-bridge/src/partners/registry.ts'

const ROOT = new URL('..', import.meta.url).pathname
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/** The numbered list under "## The eight files": each item's path. */
function listedFiles(): string[] {
  const doc = read('docs/adding-a-partner.md')
  const start = doc.indexOf('\n## The eight files\n')
  expect(start).toBeGreaterThan(-1)
  const section = doc.slice(start + 1).split('\n## ')[0] ?? ''
  return [...section.matchAll(/^\d+\. `([^`]+)`/gm)].map((match) => match[1] ?? '')
}

const REGISTRIES = {
  'packages/sso-bridge/src/partners/registry.ts': Object.keys(PARTNERS),
  'packages/sso-bridge/src/partners/links.ts': Object.keys(PARTNER_LINKS),
  'packages/bff/src/partners/registry.ts': Object.keys(BFF_PARTNERS),
} as const

/** The module of partner `name` a registry imports: `<name>.ts`, or `<name>-links.ts` for links.ts. */
const partnerModule = (registry: string, name: string) =>
  registry.endsWith('/links.ts') ? `${name}-links` : name

test('a partner is eight files in the two packages, two of them tests', () => {
  const files = listedFiles()
  expect(files).toHaveLength(8)
  expect(files.filter((file) => file.endsWith('.test.ts'))).toHaveLength(2)
  expect(
    files.every(
      (file) => file.startsWith('packages/sso-bridge/') || file.startsWith('packages/bff/'),
    ),
  ).toBe(true)
})

test('each registry lists every partner of the contract, and only those', () => {
  for (const names of Object.values(REGISTRIES)) expect(names).toEqual([...PARTNER_NAMES])
})

test('every registered partner has each listed file, and each registry is listed', () => {
  const files = listedFiles()
  for (const [registry, names] of Object.entries(REGISTRIES)) {
    expect(files).toContain(registry)
    for (const name of names) {
      for (const file of files.filter((f) => f.includes('<name>'))) {
        const path = file.replace('<name>', name)
        expect(existsSync(join(ROOT, path)), path).toBe(true)
      }
    }
  }
})

test("each registry imports exactly its partners' modules, as the listed files name them", () => {
  for (const [registry, names] of Object.entries(REGISTRIES)) {
    const modules = [...read(registry).matchAll(/from '\.\/([\w-]+)\.ts'/g)]
      .map((match) => match[1] ?? '')
      .filter((module) => module !== 'partner')
    expect(new Set(modules), registry).toEqual(
      new Set(names.map((name) => partnerModule(registry, name))),
    )
  }
})

/** The production files of a package's src/, tests and test helpers left out. */
function productionFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory())
      return ['test', 'testing'].includes(entry.name) ? [] : productionFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

test('no production file of either package names a partner, but its own module', () => {
  const partnerModules = new Set(
    Object.keys(REGISTRIES).flatMap((registry) =>
      PARTNER_NAMES.map((name) =>
        registry.replace(/(registry|links)\.ts$/, `${partnerModule(registry, name)}.ts`),
      ),
    ),
  )
  const quoted = new RegExp(`['"\`/](${PARTNER_NAMES.join('|')})['"\`/]`)
  const naming = ['packages/sso-bridge/src', 'packages/bff/src']
    .flatMap(productionFiles)
    .filter((file) => !partnerModules.has(file))
    .flatMap((file) =>
      read(file)
        .split('\n')
        .map((line, index) => ({ file, line: index + 1, text: line.trim() }))
        .filter(
          ({ text }) => !text.startsWith('//') && !text.startsWith('*') && !text.startsWith('/*'),
        )
        .filter(({ text }) => quoted.test(text)),
    )
  expect(naming).toEqual([])
})
