// sso-bridge's words in several languages (docs/i18n.md): the built-in catalogs, a host's own
// catalogs and single-message overrides, which language a person sees, and one Lingui `I18n`
// that formats them. React-free, so the core can describe errors in words too.
import { setupI18n, type I18n, type Messages } from '@lingui/core'
import type { MessageId } from './en.ts'
import compiledEnglish from './compiled/en.json' with { type: 'json' }

export type { MessageId } from './en.ts'

/** Every message of sso-bridge, in one language (ICU MessageFormat). */
export type Catalog = Readonly<Record<MessageId, string>>

/** Some messages of one language: a host's overrides, or a partial catalog of a new language. */
export type CatalogOverrides = Readonly<Partial<Record<MessageId, string>>>

/** A message's values: names and numbers to put in its placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>

/** A compiled catalog file as Lingui types it (JSON cannot say its tokens are tuples). */
const asMessages = (json: object) => json as Messages

/**
 * The languages sso-bridge ships, compiled (npm run catalogs): English (the source) is always
 * here; every other language's file loads the first time it is shown.
 */
const BUILT_IN: Readonly<Record<string, () => Promise<Messages>>> = {
  en: () => Promise.resolve(asMessages(compiledEnglish)),
  hi: () =>
    import('./compiled/hi.json', { with: { type: 'json' } }).then((m) => asMessages(m.default)),
}

/** The languages sso-bridge ships: English (the source) and Hindi. */
export const BUILT_IN_LOCALES: readonly string[] = Object.keys(BUILT_IN)

/** The language everything falls back to: every message exists in it. */
export const SOURCE_LOCALE = 'en'

/** A BCP 47 language tag as sso-bridge takes it: "hi", "en-GB", "pt-BR". */
const LOCALE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

export function isLocaleTag(value: string): boolean {
  return LOCALE_TAG.test(value)
}

/** What a person's language is chosen from, weakest first (docs/i18n.md "Which language"). */
export interface LocaleChoice {
  /** The languages this app offers, in the order the switcher lists them. */
  readonly available: readonly string[]
  /** The runtime config's `i18n.defaultLocale`, if it gives one. */
  readonly configDefault?: string | undefined
  /** The browser's preferred languages (`navigator.languages`), best first. */
  readonly browser?: readonly string[] | undefined
  /** What the person picked in the language switcher, if they did. */
  readonly chosen?: string | undefined
}

/** `wanted` among `available`: exactly, else by its language alone ("hi-IN" finds "hi"). */
function match(wanted: string | undefined, available: readonly string[]): string | undefined {
  if (wanted === undefined) return undefined
  const lower = wanted.toLowerCase()
  const exact = available.find((locale) => locale.toLowerCase() === lower)
  if (exact !== undefined) return exact
  const language = lower.split('-')[0]
  return available.find((locale) => locale.toLowerCase().split('-')[0] === language)
}

/**
 * The language to show: the switcher's choice, else the browser's first preference this app
 * offers, else the config's default, else English (or the first one offered).
 */
export function chooseLocale({ available, configDefault, browser, chosen }: LocaleChoice): string {
  const fromBrowser = (browser ?? []).map((tag) => match(tag, available)).find(Boolean)
  return (
    match(chosen, available) ??
    fromBrowser ??
    match(configDefault, available) ??
    match(SOURCE_LOCALE, available) ??
    available[0] ??
    SOURCE_LOCALE
  )
}

const NO_HOST_MESSAGES: Readonly<Record<string, CatalogOverrides>> = {}

/** Built-in catalogs loaded so far, compiled. */
const builtIn: Record<string, Messages> = Object.assign(Object.create(null) as object, {
  en: asMessages(compiledEnglish),
})

/** Lingui's ICU compiler, for a host's own messages only: loaded when a host gives some. */
type Compile = (message: string) => Messages[string]
let compile: Compile | undefined

const hostPart = (host: Readonly<Record<string, CatalogOverrides>>, locale: string) =>
  Object.entries(host[locale] ?? {}).flatMap(([id, message]: [string, string | undefined]) =>
    message === undefined ? [] : [[id, message] as const],
  )

/** Whether `locale` can be shown at once: its catalog, and the compiler its host messages need. */
export function catalogLoaded(
  locale: string,
  hostMessages: Readonly<Record<string, CatalogOverrides>> = NO_HOST_MESSAGES,
): boolean {
  const builtInReady = !Object.hasOwn(BUILT_IN, locale) || Object.hasOwn(builtIn, locale)
  return builtInReady && (compile !== undefined || hostPart(hostMessages, locale).length === 0)
}

/**
 * Loads what showing `locale` needs: its built-in catalog, and Lingui's compiler when the host
 * gives messages for it. Resolves at once when all is there; a failed load rejects, and the next
 * call tries again.
 */
export async function loadCatalog(
  locale: string,
  hostMessages: Readonly<Record<string, CatalogOverrides>> = NO_HOST_MESSAGES,
): Promise<void> {
  const load = BUILT_IN[locale]
  const [messages] = await Promise.all([
    load !== undefined && !Object.hasOwn(builtIn, locale) ? load() : undefined,
    compile === undefined && hostPart(hostMessages, locale).length > 0
      ? import('@lingui/message-utils/compileMessage').then((m) => {
          compile = m.compileMessage
        })
      : undefined,
  ])
  if (messages !== undefined) builtIn[locale] = messages
}

/** One language's messages, compiled: the source, then the language, then the host's. */
function compileCatalog(
  locale: string,
  hostMessages: Readonly<Record<string, CatalogOverrides>>,
): Messages {
  if (!catalogLoaded(locale, hostMessages)) {
    throw new Error(`sso-bridge: the ${locale} catalog is not loaded yet (loadCatalog first)`)
  }
  const own = hostPart(hostMessages, locale)
  const host: Messages =
    compile === undefined ? {} : Object.fromEntries(own.map(([id, m]) => [id, compile?.(m) ?? m]))
  return { ...builtIn.en, ...builtIn[locale], ...host }
}

/**
 * A Lingui I18n with `locale` active, from the built-in and the host's catalogs; throws when
 * {@link loadCatalog} has not loaded them yet (English without host messages is always there).
 */
export function createI18n(
  locale: string,
  hostMessages: Readonly<Record<string, CatalogOverrides>> = NO_HOST_MESSAGES,
): I18n {
  const i18n = setupI18n()
  activateLocale(i18n, locale, hostMessages)
  return i18n
}

/** Makes `locale` the active language of `i18n` (its catalog loaded: see {@link loadCatalog}). */
export function activateLocale(
  i18n: I18n,
  locale: string,
  hostMessages: Readonly<Record<string, CatalogOverrides>> = NO_HOST_MESSAGES,
): void {
  if (!Object.hasOwn(compiled, locale)) compiled[locale] = new WeakMap()
  const byHost = compiled[locale]
  let messages = byHost?.get(hostMessages)
  if (messages === undefined) {
    messages = compileCatalog(locale, hostMessages)
    byHost?.set(hostMessages, messages)
  }
  i18n.load(locale, messages)
  i18n.activate(locale)
}

/** Merged catalogs, per language and per host catalog object (merged once each). */
const compiled: Record<string, WeakMap<object, Messages>> = Object.create(null) as Record<
  string,
  WeakMap<object, Messages>
>

/** Whether `value` is the id of one of our messages (the compiled English has every one). */
export function isMessageId(value: string): value is MessageId {
  return Object.hasOwn(compiledEnglish, value)
}

/** The message `id` in the active language of `i18n`, with `values` put in. */
export function translate(i18n: I18n, id: MessageId, values?: MessageValues): string {
  return i18n._(id, values)
}

/** The language's own name for itself ("हिन्दी"), through Intl; the tag when Intl has none. */
export function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}

/** Right-to-left scripts, for the page's `dir`. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'])

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr'
}

/** English, compiled, for words outside any provider (the core's default). */
let english: I18n | undefined
export function englishI18n(): I18n {
  english ??= createI18n(SOURCE_LOCALE)
  return english
}
