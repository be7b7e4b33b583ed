// docs/qa.md "Write your first journey" shows e2e/first-journey.spec.ts as it is, so the example a
// new QA engineer copies is the journey that runs (and passes) with every suite.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

/** The first ```ts block after `heading`, without the indentation of its fence. */
function firstTsBlockAfter(markdown: string, heading: string): string {
  const section = markdown.slice(markdown.indexOf(`\n${heading}\n`))
  const match = /^( *)```ts\n([\s\S]*?)^\1```$/m.exec(section)
  if (match === null) throw new Error(`no ts block after ${heading}`)
  const indent = match[1] ?? ''
  return (match[2] ?? '')
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n')
}

test('the first journey of docs/qa.md is e2e/first-journey.spec.ts', () => {
  const docs = read('docs/qa.md')
  expect(docs).toContain('\n## Write your first journey\n')
  expect(firstTsBlockAfter(docs, '## Write your first journey')).toBe(
    read('e2e/first-journey.spec.ts'),
  )
})
