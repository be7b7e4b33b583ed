// Server-Timing (W3C Server Timing) of the sign-in exchange: where the BFF's time goes, phase by
// phase, measured with performance.now(). The header is sent only when SSO_BFF_SERVER_TIMING is
// true (docs/deployment.md): upstream timings tell an outsider about the deployment. Indee's own
// entries are relayed only after a strict parse, renamed `indee-…`; nothing is passed on raw.

/** One entry of a Server-Timing header. */
export interface TimingEntry {
  readonly name: string
  /** Milliseconds. */
  readonly dur?: number
  readonly desc?: string
}

/** Entries relayed from one upstream header at most; the rest are dropped. */
export const MAX_RELAYED_ENTRIES = 8
/** An upstream header longer than this is dropped whole, unread. */
export const MAX_RELAYED_HEADER_CHARS = 2048

const NAME = /^[A-Za-z0-9_-]{1,32}$/
const DUR = /^\d{1,10}(\.\d{1,6})?$/
// Printable ASCII but `"` and `\`: no escapes to undo, nothing to break a header with.
const QUOTED_DESC = /^"([\x20\x21\x23-\x5B\x5D-\x7E]{0,64})"$/
const OWS = /^[ \t]+|[ \t]+$/g

/** Splits `text` at each `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (char === '"') quoted = !quoted
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((part) => part.replace(OWS, ''))
}

/** One entry (`name;dur=1.2;desc="…"`), or undefined when any part of it is malformed. */
function parseEntry(text: string): TimingEntry | undefined {
  const [name = '', ...params] = splitOutsideQuotes(text, ';')
  if (!NAME.test(name)) return undefined
  let dur: number | undefined
  let desc: string | undefined
  for (const param of params) {
    const equals = param.indexOf('=')
    if (equals < 0) return undefined
    const key = param.slice(0, equals).replace(OWS, '').toLowerCase()
    const value = param.slice(equals + 1).replace(OWS, '')
    if (key === 'dur' && dur === undefined && DUR.test(value)) {
      dur = Number(value)
    } else if (key === 'desc' && desc === undefined && QUOTED_DESC.test(value)) {
      desc = value.slice(1, -1)
    } else {
      return undefined
    }
  }
  return { name, ...(dur !== undefined && { dur }), ...(desc !== undefined && { desc }) }
}

/**
 * The well-formed entries of an upstream's Server-Timing header, each name given `prefix`, at
 * most MAX_RELAYED_ENTRIES of them. A malformed entry is dropped, never repaired.
 */
export function relayedEntries(header: string | undefined, prefix: string): TimingEntry[] {
  if (header === undefined || header.length > MAX_RELAYED_HEADER_CHARS) return []
  const entries: TimingEntry[] = []
  for (const part of splitOutsideQuotes(header, ',')) {
    const entry = parseEntry(part)
    if (entry !== undefined) entries.push({ ...entry, name: `${prefix}${entry.name}` })
    if (entries.length === MAX_RELAYED_ENTRIES) break
  }
  return entries
}

/** Milliseconds with one or two decimals: 0.05, 8.1, 9.0. */
export function formatDuration(ms: number): string {
  return ms.toFixed(2).replace(/(\.\d)0$/, '$1')
}

/** The header value: `bind;dur=0.05, indee;dur=8.1;desc="Indee sso/login", …`. */
export function serverTimingHeader(entries: readonly TimingEntry[]): string {
  return entries
    .map((entry) =>
      [
        entry.name,
        ...(entry.dur === undefined ? [] : [`dur=${formatDuration(entry.dur)}`]),
        ...(entry.desc === undefined ? [] : [`desc="${entry.desc}"`]),
      ].join(';'),
    )
    .join(', ')
}

/** The phases of one request, each timed from its start to its end (thrown or not). */
export class PhaseTimer {
  readonly #now: () => number
  readonly #start: number
  readonly #phases: TimingEntry[] = []
  readonly #relayed: { readonly header: string | undefined; readonly prefix: string }[] = []

  constructor(now: () => number = () => performance.now()) {
    this.#now = now
    this.#start = now()
  }

  /** Runs `work` as phase `name`. */
  time<T>(name: string, work: () => T, desc?: string): T {
    const started = this.#now()
    try {
      return work()
    } finally {
      this.#record(name, started, desc)
    }
  }

  /** Runs asynchronous `work` as phase `name`, until it settles. */
  async timeAsync<T>(name: string, work: () => Promise<T>, desc?: string): Promise<T> {
    const started = this.#now()
    try {
      return await work()
    } finally {
      this.#record(name, started, desc)
    }
  }

  /**
   * Adds an upstream's own Server-Timing `header`, its entries renamed with `prefix`. It is read
   * (relayedEntries) only when the entries are asked for, so never when no header is sent.
   */
  relay(header: string | undefined, prefix: string): void {
    this.#relayed.push({ header, prefix })
  }

  /** Whether any phase has run. */
  get ran(): boolean {
    return this.#phases.length > 0
  }

  /** The phases by name, and `total` from the start until now: for the log. */
  durations(): Record<string, number> {
    const durations: Record<string, number> = {}
    for (const phase of this.#phases) durations[phase.name] = round(phase.dur ?? 0)
    durations['total'] = round(this.#now() - this.#start)
    return durations
  }

  /** The phases, `total` from the start until now, then the relayed entries. */
  entries(): TimingEntry[] {
    const total = { name: 'total', dur: this.#now() - this.#start }
    const relayed = this.#relayed.flatMap(({ header, prefix }) => relayedEntries(header, prefix))
    return [...this.#phases, total, ...relayed]
  }

  #record(name: string, started: number, desc: string | undefined): void {
    this.#phases.push({ name, dur: this.#now() - started, ...(desc !== undefined && { desc }) })
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100
}
