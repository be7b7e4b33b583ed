// The docs show real code. A code block right after `<!-- file: PATH -->` is that file, word for
// word; one after `<!-- from: PATH -->` is a piece of it (a recipe the file runs). So the quick
// start of docs/embedding.md is the example host app's code, and every recipe of
// docs/testing-your-app.md is in a journey that runs: neither can drift from what works.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const ROOT = new URL('..', import.meta.url).pathname

interface Shown {
  readonly doc: string
  readonly kind: 'file' | 'from'
  readonly path: string
  readonly code: string
}

/** Every marked code block of the docs pages (and of the packages' READMEs). */
export function shownCode(text: string, doc: string): Shown[] {
  const blocks: Shown[] = []
  const marked = /<!-- (file|from): ([^ ]+) -->\n\n```[a-z]*\n([\s\S]*?)\n```/g
  for (const match of text.matchAll(marked)) {
    const [, kind, path, code] = match
    blocks.push({ doc, kind: kind as Shown['kind'], path: path ?? '', code: code ?? '' })
  }
  return blocks
}

function unindented(code: string): string {
  return code
    .split('\n')
    .map((line) => line.trimStart())
    .join('\n')
}

const pages = [
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]
const shown = pages.flatMap((page) => shownCode(readFileSync(join(ROOT, page), 'utf8'), page))

test('the docs mark the example host app as their quick start', () => {
  expect(shown.filter((block) => block.doc === 'docs/embedding.md').map((b) => b.path)).toEqual([
    'examples/host-app/src/main.ts',
    'examples/host-app/src/app.tsx',
  ])
})

test("every code block of the testing guide but the install line and imports is a recipe from the example's journeys", () => {
  const text = readFileSync(join(ROOT, 'docs/testing-your-app.md'), 'utf8')
  const recipes = shown.filter((block) => block.doc === 'docs/testing-your-app.md')
  expect(recipes.length).toBeGreaterThanOrEqual(9)
  expect(recipes.every((block) => block.path.startsWith('examples/host-app/'))).toBe(true)
  const unmarked = [...text.matchAll(/(?<!-->\n\n)```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
  expect(unmarked.every((code) => /^import [\s\S]*from '[^']+'\n$/.test(code))).toBe(true)
})

test('every marker is followed at once by its code block', () => {
  for (const page of pages) {
    const markers = readFileSync(join(ROOT, page), 'utf8').match(/<!-- (?:file|from): /g) ?? []
    expect(
      shown.filter((block) => block.doc === page),
      page,
    ).toHaveLength(markers.length)
  }
  expect(shownCode('<!-- file: a.ts -->\nprose\n```ts\nx\n```', 'x.md')).toEqual([])
})

test.each(shown.map((block) => [`${block.doc} → ${block.path}`, block] as const))(
  '%s shows the code as it is',
  (_name, block) => {
    const path = join(ROOT, block.path)
    expect(existsSync(path), `${block.path} exists`).toBe(true)
    const file = readFileSync(path, 'utf8')
    if (block.kind === 'file') expect(block.code).toBe(file.replace(/\n$/, ''))
    // A piece may sit deeper in the file (inside a test); line by line it is the same.
    else expect(unindented(file)).toContain(unindented(block.code))
  },
)
