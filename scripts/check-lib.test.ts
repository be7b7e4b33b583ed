import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { entryProblems, looseDeclarations } from './check-lib.ts'

let dir: string | undefined
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

const size = (entry: string, packages: string[]) => ({
  entry,
  files: [`${entry}.js`, 'chunks/shared.js'],
  packages,
  gzip: 1,
  shippedGzip: 1,
})

test('the React-free entries may not load React, its router or TanStack Query', () => {
  expect(
    entryProblems([
      size('callback', ['zod/mini', 'react/jsx-runtime']),
      size('core', ['@tanstack/react-query']),
      size('react', ['react', 'react-router-dom']),
    ]),
  ).toEqual([
    'callback loads "react/jsx-runtime" (callback.js, chunks/shared.js)',
    'core loads "@tanstack/react-query" (core.js, chunks/shared.js)',
  ])
  expect(entryProblems([size('callback', ['zod/mini', 'reactive-thing'])])).toEqual([])
})

test('a rolled-up declaration file may import packages, not files of its own', () => {
  dir = mkdtempSync(join(tmpdir(), 'lib-dts-'))
  writeFileSync(join(dir, 'core.d.ts'), "import { z } from 'zod/mini';\nexport {}\n")
  writeFileSync(join(dir, 'react.d.ts'), "export { x } from './chunks/x.js';\n")
  writeFileSync(join(dir, 'callback.d.ts'), "export type A = import('../core.js').B\n")
  expect(looseDeclarations(dir).sort()).toEqual(['callback.d.ts', 'react.d.ts'])
})
