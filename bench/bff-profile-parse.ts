// The pure half of `npm run bench:bff` (bench/bff-profile.ts): the Server-Timing of a login
// answer read into numbers, and a V8 CPU profile (the .cpuprofile that `node --cpu-prof` writes)
// reduced to self time per function and per area, counting only the samples taken inside given
// windows of time.

/** A V8 CPU profile as `node --cpu-prof` writes it; times in microseconds of the monotonic clock. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly startTime: number
  readonly endTime: number
  /** The node on top of the stack at each sample. */
  readonly samples?: readonly number[]
  /** Microseconds from the previous sample (from startTime for the first). */
  readonly timeDeltas?: readonly number[]
}

export interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly hitCount?: number
  readonly children?: readonly number[]
}

export interface CallFrame {
  readonly functionName: string
  readonly url: string
  /** 0-based. */
  readonly lineNumber: number
  readonly columnNumber: number
}

/** A span of time on the profile's clock, start included, end excluded (µs). */
export interface TimeWindow {
  readonly start: number
  readonly end: number
}

const ENTRY = /^\s*([\w-]+)((?:;[^,]*)?)$/
const DUR = /;\s*dur=([\d.]+)/

/** The `dur` of each entry of a Server-Timing header, by name (entries without one left out). */
export function parseServerTiming(header: string | null | undefined): Record<string, number> {
  const timings: Record<string, number> = {}
  for (const part of (header ?? '').split(',')) {
    const entry = ENTRY.exec(part)
    const dur = entry === null ? null : DUR.exec(entry[2] ?? '')
    if (entry?.[1] !== undefined && dur?.[1] !== undefined) timings[entry[1]] = Number(dur[1])
  }
  return timings
}

/** The BFF's own share of a login: `total − indee`; undefined when either is missing. */
export function bffShareOf(timings: Readonly<Record<string, number>>): number | undefined {
  const { total, indee } = timings
  return total === undefined || indee === undefined ? undefined : total - indee
}

/** The median of `values` (0 for none). */
function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return 0
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** How many typical sampling gaps one sample may stand for at most. */
export const MAX_GAPS_PER_SAMPLE = 4

/**
 * Each sample's time and how long it stands for: until the next sample (the last one until the
 * profile's end), yet at most MAX_GAPS_PER_SAMPLE times the median gap. A longer gap means the
 * process waited for a core (or the sampler was late), which is no work of the function on top.
 */
export function sampleTimes(profile: CpuProfile): { at: number[]; weight: number[] } {
  const deltas = profile.timeDeltas ?? []
  const at: number[] = []
  let time = profile.startTime
  for (const delta of deltas) {
    time += delta
    at.push(time)
  }
  const cap = MAX_GAPS_PER_SAMPLE * medianOf(deltas.slice(1))
  const weight = at.map((t, i) => Math.min(cap, Math.max(0, (at[i + 1] ?? profile.endTime) - t)))
  return { at, weight }
}

/** The first of `windows` (sorted, from index `from` on) that ends after `time`. */
function windowEndingAfter(windows: readonly TimeWindow[], time: number, from: number): number {
  let i = from
  while (i < windows.length && (windows[i]?.end ?? 0) <= time) i += 1
  return i
}

export interface FunctionTime {
  readonly name: string
  readonly ms: number
}

export interface WindowedProfile {
  /** Milliseconds of samples inside the windows, idle included. */
  readonly sampledMs: number
  /** Of which the process was idle (waiting on I/O). */
  readonly idleMs: number
  /** Self time by `keyOf` the frame on top of the stack, most first, idle left out. */
  readonly self: readonly FunctionTime[]
  /**
   * Total time by `keyOf` any frame on the stack (each key counted once per sample), most
   * first, idle left out.
   */
  readonly total: readonly FunctionTime[]
}

const IDLE = '(idle)'

function sorted(totals: ReadonlyMap<string, number>): FunctionTime[] {
  return [...totals]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name))
}

/**
 * The samples inside `windows` (sorted, not overlapping), their time summed by `keyOf` of the
 * frame on top of the stack (self time) and of every frame on it (total time).
 */
export function timeIn(
  profile: CpuProfile,
  windows: readonly TimeWindow[],
  keyOf: (frame: CallFrame) => string,
): WindowedProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id)
  }
  const { at, weight } = sampleTimes(profile)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let sampled = 0
  let idle = 0
  let window = 0
  ;(profile.samples ?? []).forEach((id, i) => {
    const time = at[i] ?? 0
    window = windowEndingAfter(windows, time, window)
    const current = windows[window]
    if (current === undefined || time < current.start) return
    const us = weight[i] ?? 0
    sampled += us
    const top = byId.get(id)?.callFrame
    if (top === undefined) return
    if (top.functionName === IDLE) {
      idle += us
      return
    }
    const topKey = keyOf(top)
    self.set(topKey, (self.get(topKey) ?? 0) + us)
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
      const frame = byId.get(node)?.callFrame
      if (frame === undefined || frame.functionName === '(root)') continue
      const key = keyOf(frame)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + us)
    }
  })
  return {
    sampledMs: sampled / 1000,
    idleMs: idle / 1000,
    self: sorted(self),
    total: sorted(total),
  }
}

/** A frame's script as a short path: under `root` relative to it, in a package from node_modules. */
export function shortUrl(url: string, root: string): string {
  const path = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url
  const modules = path.lastIndexOf('/node_modules/')
  if (modules >= 0) return path.slice(modules + 1)
  const prefix = root.endsWith('/') ? root : `${root}/`
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

/** `name path:line` of a frame (line 1-based); V8's own entries, like `(garbage collector)`, as is. */
export function functionKey(root: string): (frame: CallFrame) => string {
  return (frame) => {
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName
    if (frame.url === '') return name
    return `${name} ${shortUrl(frame.url, root)}:${frame.lineNumber + 1}`
  }
}

/**
 * Where a frame's code comes from: a package of node_modules, the repository's own folder of it
 * (`packages/bff`), Node's internals, or V8's own entries (`(garbage collector)`, `(program)`,
 * native functions).
 */
export function areaKey(root: string): (frame: CallFrame) => string {
  return (frame) => {
    if (frame.url === '')
      return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
    if (frame.url.startsWith('node:')) return 'node internals'
    const path = shortUrl(frame.url, root)
    if (path.startsWith('node_modules/')) {
      const [, scope = '', name = ''] = path.split('/')
      return `node_modules/${scope.startsWith('@') ? `${scope}/${name}` : scope}`
    }
    const [first = '', second = ''] = path.split('/')
    return first === 'packages' ? `${first}/${second}` : first
  }
}
