import { readFileSync } from 'node:fs'
import { compileMessage } from '@lingui/message-utils/compileMessage'
import { expect, test } from 'vitest'
import { compiledPath, compiledText, SOURCES } from './compile-catalogs.ts'

test.each(Object.keys(SOURCES))(
  'the compiled %s catalog is the catalog as it is now (npm run catalogs)',
  (locale) => {
    expect(readFileSync(compiledPath(locale), 'utf8')).toBe(compiledText(locale))
  },
)

test('a compiled catalog holds every message of its source, compiled by Lingui', () => {
  const compiled = JSON.parse(compiledText('en')) as Record<string, unknown>
  expect(Object.keys(compiled)).toEqual(Object.keys(SOURCES.en ?? {}))
  expect(compiled['progress.openingPartner']).toEqual(compileMessage('Opening {partner}…'))
})
