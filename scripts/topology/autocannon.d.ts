// The part of autocannon 9's programmatic API that scripts/topology/bench-run.ts uses (the
// package ships no types).
declare module 'autocannon' {
  interface Options {
    readonly url: string
    readonly connections?: number
    readonly duration?: number
    readonly headers?: Readonly<Record<string, string>>
  }
  interface Histogram {
    readonly average: number
    readonly p50: number
    readonly p99: number
  }
  export interface Result {
    readonly requests: Histogram & { readonly total: number }
    readonly latency: Histogram
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    readonly duration: number
  }
  interface Instance {
    /** Each answer: its status, its size, and how long it took (ms, fractional). */
    on(
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): this
  }
  function autocannon(
    options: Options,
    done: (error: Error | null, result: Result) => void,
  ): Instance
  export default autocannon
}
