// The brand as views show it: kept apart from the branding schema (branding.ts), so a view that
// shows the brand does not load the config's validation. It takes the config's shapes as they
// are (Branding, SupportContact) without importing them, so the schema's file can use it.

/**
 * The dark scheme's page and card colours (the app's styles.css uses the same): a dark brand
 * colour must reach 4.5:1 against both.
 */
export const DARK_SURFACES = { surface: '#10151f', card: '#1b2230' } as const

/** A tab title: the view's own title, then the product's name when the config gives one. */
export function pageTitle(
  title: string,
  branding: { readonly productName: string } | undefined,
): string {
  return branding === undefined ? title : `${title} – ${branding.productName}`
}

/** Where the support contact leads: a mailto: link or the configured URL. */
export function supportHref(support: {
  readonly label?: string
  readonly email?: string | undefined
  readonly url?: string | undefined
}): string {
  return support.email === undefined ? (support.url ?? '') : `mailto:${support.email}`
}
