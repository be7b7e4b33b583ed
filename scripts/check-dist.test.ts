import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { scanForSecrets } from './check-dist.ts'

let dir: string | undefined

function distWith(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'dist-'))
  mkdirSync(join(dir, 'assets'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

test('a clean bundle has no findings', () => {
  expect(
    scanForSecrets(distWith({ 'assets/app.js': 'fetch("/api/indee/sso/login")' }), []),
  ).toEqual([])
})

test('flags a credential header name in the bundle', () => {
  const found = scanForSecrets(
    distWith({ 'assets/app.js': 'headers:{"x-lob-client-id":"abc"}' }),
    [],
  )
  expect(found).toEqual([{ file: join('assets', 'app.js'), what: 'the ABC client id header' }])
})

test('flags a private key', () => {
  const found = scanForSecrets(distWith({ 'key.txt': '-----BEGIN PRIVATE KEY-----\nMII' }), [])
  expect(found.map((f) => f.what)).toEqual(['a PEM private key'])
})

test('flags a sandbox credential value wherever it appears', () => {
  const found = scanForSecrets(distWith({ 'sso.config.json': '{"key":"s3cret-value-123"}' }), [
    's3cret-value-123',
  ])
  expect(found).toEqual([{ file: 'sso.config.json', what: 'a sandbox credential value' }])
})
