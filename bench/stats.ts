// The figures the benchmark prints: median, minimum and maximum of a row's runs, and the ratio of
// two medians.

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly n: number
}

/** Median, minimum and maximum; NaN for no values (a row that was never measured). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n }
  const mid = Math.floor(n / 2)
  const median =
    n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
  return { median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, n }
}

/** `ours / theirs` of the medians, to two decimals; '–' when either is missing or theirs is 0. */
export function ratio(ours: Summary, theirs: Summary): string {
  const value = ours.median / theirs.median
  return Number.isFinite(value) ? value.toFixed(2) : '–'
}

/** "median (min–max)" with `digits` decimals, or '–' for a row never measured. */
export function cell(summary: Summary, digits = 0): string {
  if (summary.n === 0) return '–'
  const f = (value: number) => value.toFixed(digits)
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`
}

/** A whole-number setting from the environment (`fallback` when unset); throws below `least`. */
export function count(name: string, fallback: number, least = 1): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be a whole number ≥ ${least}`)
  }
  return value
}
