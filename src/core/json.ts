/** Parses JSON text; undefined when there is none or it is not JSON (callers then validate). */
export function parseJsonText(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
