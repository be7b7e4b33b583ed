// Small type checks for values read from JSON (storage, backend answers, config), so the callback
// path can validate without zod. Each record's own rules live with the record.

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** True when `value` has no own key outside `keys` (a strict record refuses unknown fields). */
export function hasOnlyKeys(value: object, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key))
}

/** A string of `min` to `max` characters (UTF-16 code units, as String.length counts). */
export function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max
}

/** A safe integer of at least `min`. */
export function isWholeNumber(value: unknown, min: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min
}
