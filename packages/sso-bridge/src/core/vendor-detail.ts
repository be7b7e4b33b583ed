const MAX_DETAIL_LENGTH = 500

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** A numeric character reference's character, or the reference itself when it names none. */
function fromCodePoint(reference: string, codePoint: number): string {
  return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
    ? String.fromCodePoint(codePoint)
    : reference
}

/**
 * Vendor text as plain text: the common character references are decoded once, then tags and
 * comments are removed (their text content stays), and runs of white space become one space. The
 * result is still only ever shown as text; this makes "<b>Customer is blocked</b>" read as
 * "Customer is blocked" rather than as markup.
 */
export function plainText(text: string): string {
  return text
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return fromCodePoint(reference, Number.parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return fromCodePoint(reference, Number.parseInt(name.slice(1), 10))
      return ENTITIES[name.toLowerCase()] ?? reference
    })
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*(>|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim()
}

/**
 * Text from the backend or a vendor, kept for the error view: plain text (see {@link plainText}),
 * shortened, undefined when nothing is left. It is shown as text, never as HTML, and only ever
 * taken from a parsed field, never from a raw body.
 */
export function vendorDetail(text: string | undefined): string | undefined {
  const plain = plainText(text ?? '')
  if (plain === '') return undefined
  return plain.length > MAX_DETAIL_LENGTH ? `${plain.slice(0, MAX_DETAIL_LENGTH)}…` : plain
}
