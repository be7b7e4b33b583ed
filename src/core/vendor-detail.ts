const MAX_DETAIL_LENGTH = 500

/**
 * Text from the backend or a vendor, kept for the error view: trimmed, shortened, undefined when
 * empty. It is shown as text, never as HTML, and only ever taken from a parsed field, never
 * from a raw body.
 */
export function vendorDetail(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? ''
  if (trimmed === '') return undefined
  return trimmed.length > MAX_DETAIL_LENGTH ? `${trimmed.slice(0, MAX_DETAIL_LENGTH)}…` : trimmed
}
