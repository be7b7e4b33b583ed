// sso-bridge's words in React (docs/i18n.md): one Lingui I18n per app, the language chosen from
// the config's default, the browser's preference and the person's own choice (in that order of
// override), kept in step with `<html lang dir>`, and the footer's language switcher.
import { setupI18n, type I18n } from '@lingui/core'
import { I18nProvider, LinguiContext } from '@lingui/react'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import {
  activateLocale,
  BUILT_IN_LOCALES,
  catalogLoaded,
  chooseLocale,
  englishI18n,
  languageName,
  loadCatalog,
  SOURCE_LOCALE,
  textDirection,
  translate,
  type CatalogOverrides,
  type MessageId,
  type MessageValues,
} from '../i18n/catalog.ts'

/** How a host adds languages or changes single messages (createSso's `i18n`). */
export interface SsoI18nOptions {
  /**
   * Messages by language: a whole catalog of a language sso-bridge does not ship, or single
   * messages that replace ours ("en": { "signIn.title": "Log in" }). Missing ones fall back to
   * English, message by message.
   */
  readonly messages?: Readonly<Record<string, CatalogOverrides>>
}

/** Where the person's own choice is kept (this browser, every tab). */
const CHOICE_KEY = 'sso-bridge:language'

function storedChoice(): string | undefined {
  try {
    return localStorage.getItem(CHOICE_KEY) ?? undefined
  } catch {
    return undefined
  }
}

function storeChoice(locale: string): void {
  try {
    localStorage.setItem(CHOICE_KEY, locale)
  } catch {
    // A browser that keeps nothing still switches; the choice lasts this page.
  }
}

/** Every language with a catalog: ours, then the host's. */
export function knownLocales(options: SsoI18nOptions | undefined): string[] {
  return [...new Set([...BUILT_IN_LOCALES, ...Object.keys(options?.messages ?? {})])]
}

export interface LanguageSettings {
  /** The languages offered, in the switcher's order. */
  readonly available: readonly string[]
  readonly configDefault?: string | undefined
  readonly messages?: Readonly<Record<string, CatalogOverrides>> | undefined
}

interface SsoLanguage {
  readonly locale: string
  readonly available: readonly string[]
  readonly setLocale: (locale: string) => void
}

const LanguageContext = createContext<SsoLanguage | undefined>(undefined)

/**
 * The language a person sees first: their own choice in this browser, else the browser's
 * preference, else the config's default (docs/i18n.md "Which language").
 */
export function firstLocale({ available, configDefault }: LanguageSettings): string {
  return chooseLocale({
    available,
    configDefault,
    browser: typeof navigator === 'undefined' ? undefined : navigator.languages,
    chosen: storedChoice(),
  })
}

/**
 * Gives everything inside it sso-bridge's words in the person's language. English is always
 * there; another language's catalog loads the first time it is shown (createSso starts that load
 * early), and nothing inside renders until the first language's words are here. Switching
 * language keeps the current words until the new ones have arrived.
 */
export function SsoI18n({
  settings,
  children,
}: {
  readonly settings: LanguageSettings
  readonly children: ReactNode
}) {
  const { available, messages } = settings
  const [i18n] = useState<I18n>(() => setupI18n())
  const [locale, setShown] = useState<string | undefined>(() => {
    const first = firstLocale(settings)
    if (!catalogLoaded(first, messages)) return undefined
    activateLocale(i18n, first, messages)
    return first
  })
  useEffect(() => {
    if (locale !== undefined) return
    const first = firstLocale(settings)
    let live = true
    loadCatalog(first, messages).then(
      () => {
        if (!live) return
        activateLocale(i18n, first, messages)
        setShown(first)
      },
      () => {
        // Its words could not be loaded: English, which is always here, rather than nothing.
        if (!live) return
        activateLocale(i18n, SOURCE_LOCALE)
        setShown(SOURCE_LOCALE)
      },
    )
    return () => {
      live = false
    }
  }, [i18n, locale, messages, settings])
  const setLocale = useCallback(
    (next: string) => {
      if (!available.includes(next)) return
      const show = () => {
        activateLocale(i18n, next, messages)
        storeChoice(next)
        setShown(next)
      }
      if (catalogLoaded(next, messages)) show()
      else loadCatalog(next, messages).then(show, () => undefined)
    },
    [i18n, available, messages],
  )
  useEffect(() => {
    if (locale === undefined) return
    document.documentElement.lang = locale
    document.documentElement.dir = textDirection(locale)
  }, [locale])
  const language = useMemo(
    () => (locale === undefined ? undefined : { locale, available, setLocale }),
    [locale, available, setLocale],
  )
  if (language === undefined) return null
  return (
    <I18nProvider i18n={i18n}>
      <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>
    </I18nProvider>
  )
}

export interface SsoText {
  /** The message `id` in the person's language, with `values` put in its placeholders. */
  readonly t: (id: MessageId, values?: MessageValues) => string
  /** The language shown (a BCP 47 tag), for `Intl` formatting. */
  readonly locale: string
  /** The languages offered. */
  readonly locales: readonly string[]
  /** Shows another of the offered languages, and remembers the choice in this browser. */
  readonly setLocale: (locale: string) => void
  /** Lingui's I18n in that language, e.g. for `describeError(error, partner, i18n)`. */
  readonly i18n: I18n
}

const ENGLISH_ONLY: SsoLanguage = {
  locale: SOURCE_LOCALE,
  available: [SOURCE_LOCALE],
  setLocale: () => undefined,
}

/**
 * sso-bridge's words and language, for views (ours and a host's). Inside SsoProvider they follow
 * the person's language; a view rendered on its own (a test, a story) speaks English.
 */
export function useSsoText(): SsoText {
  const i18n = useContext(LinguiContext)?.i18n ?? englishI18n()
  const { locale, available, setLocale } = useContext(LanguageContext) ?? ENGLISH_ONLY
  const t = useCallback(
    (id: MessageId, values?: MessageValues) => translate(i18n, id, values),
    // The active language is part of what a message says.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n, locale],
  )
  return { t, locale, locales: available, setLocale, i18n }
}

/**
 * The language switcher: a labelled select of the offered languages, each in its own words.
 * Nothing when only one language is offered.
 */
export function LanguageSwitcher({ className }: { readonly className?: string }) {
  const { t, locale, locales, setLocale } = useSsoText()
  const id = useId()
  if (locales.length < 2) return null
  return (
    <span className={className ?? 'language'}>
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          setLocale(event.target.value)
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageName(option)}
          </option>
        ))}
      </select>
    </span>
  )
}
