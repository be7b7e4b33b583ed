import { describe, expect, test } from 'vitest'
import {
  BUILT_IN_LOCALES,
  catalogLoaded,
  chooseLocale,
  createI18n,
  languageName,
  loadCatalog,
  textDirection,
  translate,
  type Catalog,
} from './catalog.ts'
import { englishCatalog as en, type MessageId } from './en.ts'
import { hi } from './hi.ts'

/** The catalogs as written, by language. */
const BUILT_IN_CATALOGS: Readonly<Record<string, Catalog>> = { en, hi }

/** The {placeholders} of an ICU message (its argument names, plural cases left out). */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((found) => found[1] ?? '').sort()
}

const ids = Object.keys(en) as MessageId[]

describe('the catalogs', () => {
  test.each(Object.keys(BUILT_IN_CATALOGS))(
    '%s has every message of English and no other',
    (locale) => {
      const catalog: Partial<Catalog> = BUILT_IN_CATALOGS[locale] ?? {}
      expect(Object.keys(catalog).sort()).toEqual([...ids].sort())
      for (const id of ids) expect(catalog[id]?.trim(), id).not.toBe('')
    },
  )

  test.each(Object.keys(BUILT_IN_CATALOGS))(
    '%s uses the same placeholders as English',
    (locale) => {
      const catalog: Partial<Catalog> = BUILT_IN_CATALOGS[locale] ?? {}
      for (const id of ids)
        expect(placeholders(catalog[id] ?? ''), id).toEqual(placeholders(en[id]))
    },
  )
})

describe('which language a person sees', () => {
  const available = ['en', 'hi']

  test('the switcher wins over the browser and the config', () => {
    expect(chooseLocale({ available, configDefault: 'en', browser: ['en-US'], chosen: 'hi' })).toBe(
      'hi',
    )
  })

  test("the browser's first offered preference wins over the config's default", () => {
    expect(chooseLocale({ available, configDefault: 'en', browser: ['fr', 'hi-IN', 'en'] })).toBe(
      'hi',
    )
  })

  test("the config's default applies when the browser prefers nothing offered", () => {
    expect(chooseLocale({ available, configDefault: 'hi', browser: ['fr-FR'] })).toBe('hi')
  })

  test('English when nothing else matches, and a stale choice is ignored', () => {
    expect(chooseLocale({ available, chosen: 'de', browser: [] })).toBe('en')
  })

  test('a deployment without English falls back to the first language it offers', () => {
    expect(chooseLocale({ available: ['hi'], browser: ['en-GB'] })).toBe('hi')
  })
})

describe('formatting', () => {
  // Runs first: what is loaded stays loaded for the rest of this file.
  test("English is there at once; Hindi and a host's own messages load first", async () => {
    const host = { en: { 'notFound.title': 'Nothing here' } }
    expect(BUILT_IN_LOCALES).toEqual(['en', 'hi'])
    expect(catalogLoaded('en')).toBe(true)
    expect(translate(createI18n('en'), 'notFound.title')).toBe('Page not found')
    expect(catalogLoaded('hi')).toBe(false)
    expect(() => createI18n('hi')).toThrow('the hi catalog is not loaded yet')
    expect(catalogLoaded('en', host)).toBe(false)
    await loadCatalog('hi')
    expect(catalogLoaded('hi')).toBe(true)
    expect(catalogLoaded('en', host)).toBe(false)
    await loadCatalog('en', host)
    expect(catalogLoaded('en', host)).toBe(true)
  })

  test('values go into their placeholders in the active language', async () => {
    await loadCatalog('hi')
    expect(translate(createI18n('hi'), 'progress.openingPartner', { partner: 'AssureSign' })).toBe(
      'AssureSign खोला जा रहा है…',
    )
  })

  test("a host's override replaces one message and leaves the others", async () => {
    await loadCatalog('en', { en: { 'notFound.title': 'Nothing here' } })
    const i18n = createI18n('en', { en: { 'notFound.title': 'Nothing here' } })
    expect(translate(i18n, 'notFound.title')).toBe('Nothing here')
    expect(translate(i18n, 'progress.signingIn')).toBe('Signing you in…')
  })

  test("a host's partial catalog of a new language falls back to English message by message", async () => {
    await loadCatalog('fr', { fr: { 'notFound.title': 'Page introuvable' } })
    const i18n = createI18n('fr', { fr: { 'notFound.title': 'Page introuvable' } })
    expect(translate(i18n, 'notFound.title')).toBe('Page introuvable')
    expect(translate(i18n, 'progress.signingIn')).toBe('Signing you in…')
  })

  test('languages are named in their own words, and right-to-left scripts are known', () => {
    expect(languageName('hi')).toBe('हिन्दी')
    expect(languageName('en')).toBe('English')
    expect(textDirection('ar-EG')).toBe('rtl')
    expect(textDirection('hi')).toBe('ltr')
  })
})
