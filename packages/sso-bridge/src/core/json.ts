/** Parses JSON text; undefined when there is none or it is not JSON (callers then validate). */
export function parseJsonText(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
    // Stryker disable next-line BlockStatement: an empty catch falls through to the same implicit undefined
  } catch {
    return undefined
  }
}
