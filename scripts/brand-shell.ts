// The first paint carries the brand: index.html's static shell (src/app/shell.css) shows the
// product's name, logo, favicon and header colours of the runtime config's `branding` before the
// app's script runs. The CSP allows no inline style, so the colours go into the shell's stylesheet
// and the rest into the HTML, at build and on the dev server (docs/configuration.md "Branding").
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { brandingSchema, DARK_SURFACES, type Branding } from '../packages/sso-bridge/src/core.ts'
import { SHIPPED_CONFIG } from './security-headers.ts'

/** The shell's stylesheet, which gets the brand's colours. */
export const SHELL_CSS = fileURLToPath(new URL('../src/app/shell.css', import.meta.url))

/** The neutral shell of index.html, each part replaced with the brand's. */
const TITLE = '<title>Sign in</title>'
const ICON = '<link rel="icon" href="data:," />'
const BRAND = '<span class="boot-brand"></span>'

export interface ShellBrand {
  /** The config's branding; undefined without one, or when it is invalid (see `problems`). */
  readonly branding: Branding | undefined
  /** Why the branding was not used, one line per bad field; empty when it was. */
  readonly problems: readonly string[]
}

/** The `branding` of a runtime config file's text, checked as the app checks it. */
export function shellBrand(configText: string): ShellBrand {
  let config: unknown
  try {
    config = JSON.parse(configText) as unknown
  } catch (error) {
    return { branding: undefined, problems: [`not JSON (${(error as Error).message})`] }
  }
  const value: unknown =
    typeof config === 'object' && config !== null ? Reflect.get(config, 'branding') : undefined
  if (value === undefined) return { branding: undefined, problems: [] }
  const result = brandingSchema.safeParse(value)
  if (result.success) return { branding: result.data, problems: [] }
  return {
    branding: undefined,
    problems: result.error.issues.map(
      (issue) => `branding.${issue.path.map(String).join('.')} ${issue.message}`,
    ),
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const ICON_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
}

function replaceOnce(html: string, part: string, by: string): string {
  if (!html.includes(part)) throw new Error(`index.html has no ${part} for the brand`)
  return html.replace(part, () => by)
}

/**
 * index.html with the brand: the product's name as title and in the header bar, the logo, the
 * favicon. Without branding, the neutral shell as it is. The URLs passed the config's checks
 * (same-origin paths of a few characters), the name is escaped.
 */
export function brandedHtml(html: string, branding: Branding | undefined): string {
  for (const part of [TITLE, ICON, BRAND]) replaceOnce(html, part, part)
  if (branding === undefined) return html
  const name = escapeHtml(branding.productName)
  const { logoUrl, faviconUrl } = branding
  const logo =
    logoUrl === undefined
      ? ''
      : `<img class="boot-logo" src="${logoUrl}" alt="" width="28" height="28" />`
  let out = replaceOnce(html, TITLE, `<title>${name}</title>`)
  out = replaceOnce(out, BRAND, `<span class="boot-brand">${logo}${name}</span>`)
  if (faviconUrl !== undefined) {
    const type = ICON_TYPES[faviconUrl.slice(faviconUrl.lastIndexOf('.') + 1)] ?? ''
    out = replaceOnce(out, ICON, `<link rel="icon" href="${faviconUrl}" type="${type}" />`)
  }
  return out
}

/**
 * The shell's stylesheet with the brand's header colours, as the custom properties the app shell
 * sets (src/app/app-shell.tsx); unchanged without branding colours.
 */
export function brandedShellCss(css: string, branding: Branding | undefined): string {
  const colors = branding?.colors
  if (colors === undefined) return css
  const properties = [`--brand-topbar: ${colors.header ?? colors.primary};`]
  if (colors.dark?.header !== undefined) {
    properties.push(
      `--brand-dark-topbar: ${colors.dark.header};`,
      `--brand-dark-topbar-ink: ${DARK_SURFACES.surface};`,
    )
  }
  return `${css}\n/* The brand of sso.config.json (scripts/brand-shell.ts). */\n.boot {\n  ${properties.join('\n  ')}\n}\n`
}

export interface BrandShellOptions {
  /** The runtime config file to read the brand from; default public/sso.config.json. */
  readonly configFile?: string
  /** Where a branding that is not used is reported; default the Vite logger's warning. */
  readonly warn?: (message: string) => void
}

/**
 * The Vite plugin: brands index.html and src/app/shell.css from the config file, read again on
 * every page and stylesheet request in dev (an edited brand shows on reload). An invalid branding
 * leaves the shell neutral with a warning naming each bad field; the app itself then shows the
 * configuration error page.
 */
export function brandShell({ configFile = SHIPPED_CONFIG, warn }: BrandShellOptions = {}): Plugin {
  let report = warn ?? ((message: string) => console.warn(message))
  const brand = () => {
    const { branding, problems } = shellBrand(readFileSync(configFile, 'utf8'))
    for (const problem of problems)
      report(`brand-shell: ${configFile}: ${problem}; shell left neutral`)
    return branding
  }
  return {
    name: 'sso-bridge:brand-shell',
    enforce: 'pre',
    configResolved(config) {
      if (warn === undefined) report = (message) => config.logger.warn(message)
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => brandedHtml(html, brand()),
    },
    transform(code, id) {
      if (id.split('?')[0] !== SHELL_CSS) return undefined
      return { code: brandedShellCss(code, brand()), map: null }
    },
  }
}
