// `npm run catalogs`: compiles the built-in message catalogs (packages/sso-bridge/src/i18n/en.ts,
// hi.ts) to Lingui's compiled form, into i18n/compiled/*.json. The browser then formats messages
// without Lingui's ICU parser, which only a host's own messages still need (loaded when given).
// compile-catalogs.test.ts fails when a catalog changed and this was not run.
import { writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { compileMessage } from '@lingui/message-utils/compileMessage'
import { englishCatalog } from '../packages/sso-bridge/src/i18n/en.ts'
import { hi } from '../packages/sso-bridge/src/i18n/hi.ts'

/** The catalogs sso-bridge ships, by language. */
export const SOURCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: englishCatalog,
  hi,
}

/** Where the compiled form of `locale` lives. */
export const compiledPath = (locale: string) =>
  fileURLToPath(new URL(`../packages/sso-bridge/src/i18n/compiled/${locale}.json`, import.meta.url))

/** The compiled catalog of `locale` as its file holds it: JSON, one message per line. */
export function compiledText(locale: string): string {
  const source = SOURCES[locale]
  if (source === undefined) throw new Error(`no catalog ${locale}`)
  const lines = Object.entries(source).map(
    ([id, message]) => `  ${JSON.stringify(id)}: ${JSON.stringify(compileMessage(message))}`,
  )
  return `{\n${lines.join(',\n')}\n}\n`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const locale of Object.keys(SOURCES)) {
    writeFileSync(compiledPath(locale), compiledText(locale))
    console.log(`catalogs: wrote ${compiledPath(locale)}`)
  }
}
