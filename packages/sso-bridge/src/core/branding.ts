// The `branding` part of the runtime config (docs/configuration.md "Branding"): the product's
// name, logo, favicon, support contact, legal links and colours, checked with the rest of the
// config at start. Every colour must be readable: a light-scheme colour 4.5:1 against white both
// ways (white text on it, it as text or focus ring on white), a dark-scheme colour 4.5:1 against
// the dark surfaces both ways (dark text on it, it as text or focus ring on them), so no config can
// make a button or the focus ring unreadable in either scheme.
import { z } from 'zod/mini'
import { destinationProblems } from './config-rules.ts'
import { isEmail } from './email-address.ts'
import { DARK_SURFACES } from './brand-display.ts'

export interface SupportContact {
  /** Who people reach, e.g. "Northwind IT Service Desk". */
  readonly label: string
  /** Exactly one of `email` and `url`. */
  readonly email?: string | undefined
  readonly url?: string | undefined
}

/** Colours for `prefers-color-scheme: dark`, shown on the dark surfaces with dark text on them. */
export interface DarkBrandColors {
  /** Buttons, links and the focus ring in the dark scheme. */
  readonly primary: string
  /** The header bar in the dark scheme (dark text on it). Default: the light `header` bar. */
  readonly header?: string | undefined
}

export interface BrandColors {
  /** Buttons, links and the focus ring. */
  readonly primary: string
  /** The header bar behind the product name (white text on it). Default: `primary`. */
  readonly header?: string | undefined
  /**
   * The dark scheme's colours. Without them the dark scheme uses a neutral accent of its own; without
   * `dark.header` it keeps the light header bar (white text on it reads in both schemes).
   */
  readonly dark?: DarkBrandColors | undefined
}

/** The product's legal pages, linked from the footer of every page. */
export interface BrandLinks {
  /** The privacy notice: https (http only on a loopback host), like `support.url`. */
  readonly privacy?: string | undefined
  /** The terms of use, under the same rules. */
  readonly terms?: string | undefined
}

export interface Branding {
  /** The product's name for people: the header and every tab title ("Sign in – {productName}"). */
  readonly productName: string
  /** A same-origin path of the logo image, shown beside the product name. */
  readonly logoUrl?: string | undefined
  /** A same-origin path of the tab's icon (.svg, .png or .ico). */
  readonly faviconUrl?: string | undefined
  /** Shown wherever a message tells people to contact support. */
  readonly support?: SupportContact | undefined
  /** Privacy notice and terms of use, for a shell's footer. */
  readonly links?: BrandLinks | undefined
  readonly colors?: BrandColors | undefined
}

/** WCAG 2.1 text contrast (1.4.3 AA); it also covers the focus ring's 3:1 (2.4.11, 1.4.11). */
export const MIN_CONTRAST = 4.5

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  )
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

export function colorProblems(value: string): string[] {
  if (!HEX_COLOR.test(value)) return ['must be a colour like "#0b5cad"']
  const ratio = contrastRatio(value, '#ffffff')
  return ratio >= MIN_CONTRAST
    ? []
    : [
        `must reach ${MIN_CONTRAST}:1 contrast with white (it has ${ratio.toFixed(2)}:1); use a darker colour`,
      ]
}

/** A dark-scheme colour: 4.5:1 against the dark page and the dark card (the first it misses named). */
export function darkColorProblems(value: string): string[] {
  if (!HEX_COLOR.test(value)) return ['must be a colour like "#8ab4f8"']
  for (const [name, surface] of Object.entries(DARK_SURFACES)) {
    const ratio = contrastRatio(value, surface)
    if (ratio < MIN_CONTRAST) {
      return [
        `must reach ${MIN_CONTRAST}:1 contrast with the dark ${name} ${surface} (it has ${ratio.toFixed(2)}:1); use a lighter colour`,
      ]
    }
  }
  return []
}

/** A same-origin image path with one of `extensions`, and no `..` segment. */
function imagePathProblems(value: string, extensions: readonly string[], example: string) {
  const pattern = new RegExp(`^/(?!/)[A-Za-z0-9._~/-]*\\.(${extensions.join('|')})$`)
  if (pattern.test(value) && !value.split('/').includes('..')) return []
  const names = extensions.map((extension) => `.${extension}`)
  const listed = `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`
  return [`must be a same-origin path of an ${listed} image, like "${example}"`]
}

/** The logo: a same-origin path (the page's `img-src 'self'` allows nothing else). */
export function logoUrlProblems(value: string): string[] {
  return imagePathProblems(value, ['svg', 'png', 'webp'], '/brand/logo.svg')
}

/** The favicon: a same-origin path, as the logo, of an image every browser takes as an icon. */
export function faviconUrlProblems(value: string): string[] {
  return imagePathProblems(value, ['svg', 'png', 'ico'], '/brand/favicon.svg')
}

export function supportEmailProblems(value: string): string[] {
  return isEmail(value) ? [] : ['must be an email address like it-support@company.com']
}

function checked(problemsOf: (value: string) => string[]) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      for (const message of problemsOf(value)) ctx.addIssue({ code: 'custom', message })
    }),
  )
}

const label = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))

/** A page people may open: the rules of origins, with a path and query allowed. */
const pageUrl = z.optional(checked((value) => destinationProblems(value, 'url')))

const supportSchema: z.ZodMiniType<SupportContact> = z
  .strictObject({
    label: label(80),
    email: z.optional(checked(supportEmailProblems)),
    url: pageUrl,
  })
  .check(
    z.refine((support) => (support.email === undefined) !== (support.url === undefined), {
      message: 'needs exactly one of "email" and "url"',
    }),
  )

const linksSchema: z.ZodMiniType<BrandLinks> = z.strictObject({
  privacy: pageUrl,
  terms: pageUrl,
})

export const brandingSchema: z.ZodMiniType<Branding> = z.strictObject({
  productName: label(60),
  logoUrl: z.optional(checked(logoUrlProblems)),
  faviconUrl: z.optional(checked(faviconUrlProblems)),
  support: z.optional(supportSchema),
  links: z.optional(linksSchema),
  colors: z.optional(
    z.strictObject({
      primary: checked(colorProblems),
      header: z.optional(checked(colorProblems)),
      dark: z.optional(
        z.strictObject({
          primary: checked(darkColorProblems),
          header: z.optional(checked(darkColorProblems)),
        }),
      ),
    }),
  ),
})
