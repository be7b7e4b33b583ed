// The one in-page probe both apps are measured with. `installProbe` runs in every document of a
// run before the page's own scripts (Playwright's addInitScript); only the document that ends up
// showing the signed-in view, with a working Sign out button, records a time. `readProbe` then
// reads that document's clock: its navigation entry, the exchange request's resource entry and the
// scripts that started before it.

/** What both apps show once signed in, and the probe's mark in the page's timeline. */
export interface ProbeMarkers {
  /** Text of the signed-in view. */
  readonly signedIn: string
  /** The accessible name of the button that signs out. */
  readonly signOut: string
  /** The name of the `performance.mark` set at the probe's moment (a trace finds it). */
  readonly mark: string
}

export const PROBE_MARKERS: ProbeMarkers = {
  signedIn: 'Signed in as',
  signOut: 'Sign out',
  mark: 'bench-signed-in',
}

/** The marker both apps show once signed in. */
export const SIGNED_IN_TEXT = PROBE_MARKERS.signedIn

declare global {
  interface Window {
    /** performance.now() of the first task after the frame that follows the signed-in view. */
    __benchSignedInAt?: number
    /** Tells the benchmark script (a Playwright binding): no polling script runs in the page. */
    __benchSignedIn?: () => Promise<void>
  }
}

/**
 * Watches the document until it is signed in and React has wired it: the `signedIn` text is in
 * the DOM, and an enabled button named `signOut` carries React's props (an own property whose
 * name starts with `__reactProps$`) with an `onClick` function. A static shell showing the same
 * words does not count. Then it waits for the next animation frame and the first task after it
 * (a MessageChannel message), records that moment and sets a mark there. Serialized into the
 * page: it may use nothing from its module.
 */
export function installProbe(markers: ProbeMarkers): void {
  // No named function values in here: tsx keeps function names by wrapping them in a helper that
  // the page does not have. Callbacks passed inline stay unnamed.
  const observer = new MutationObserver(() => {
    // Null until the parser reaches <body>, whatever lib.dom says.
    const body = document.body as HTMLElement | null
    if (body === null || !body.textContent.includes(markers.signedIn)) return
    const wired = Array.from(document.querySelectorAll('button')).some(
      (button) =>
        (button.getAttribute('aria-label') ?? button.textContent).replace(/\s+/g, ' ').trim() ===
          markers.signOut &&
        !button.disabled &&
        Object.getOwnPropertyNames(button).some((key) => {
          if (!key.startsWith('__reactProps$')) return false
          const props: unknown = (button as unknown as Record<string, unknown>)[key]
          return (
            typeof props === 'object' &&
            props !== null &&
            typeof (props as { onClick?: unknown }).onClick === 'function'
          )
        }),
    )
    if (!wired) return
    observer.disconnect()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        const at = performance.now()
        window.__benchSignedInAt = at
        performance.mark(markers.mark, { startTime: at })
        void window.__benchSignedIn?.()
      }
      channel.port2.postMessage(null)
    })
  })
  // Attributes too: a Sign out button that is rendered disabled counts once it is enabled.
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['disabled', 'aria-label'],
  })
}

export interface ServerTimingEntry {
  readonly name: string
  readonly duration: number
  readonly description: string
}

export interface ProbeReading {
  /** The callback document's fetchStart, the zero of every other time. */
  readonly fetchStart: number
  readonly signedInAt: number
  readonly exchangeStart: number
  readonly exchangeEnd: number
  /** Server-Timing of the exchange's answer (same-origin only). */
  readonly serverTiming: readonly ServerTimingEntry[]
  /** Absolute URLs of the scripts whose request started before the exchange's. */
  readonly scriptsBeforeExchange: readonly string[]
}

/** Reads the probe in the signed-in document. `exchange` matches the exchange request's URL. */
export function readProbe(exchange: { readonly source: string }): ProbeReading | string {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  const signedInAt = window.__benchSignedInAt
  if (navigation === undefined || signedInAt === undefined) return 'the probe recorded nothing'
  const pattern = new RegExp(exchange.source)
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  const request = resources.find((entry) => pattern.test(entry.name))
  if (request === undefined) return `no request matching ${exchange.source}`
  const scripts = resources.filter(
    (entry) => entry.startTime < request.startTime && new URL(entry.name).pathname.endsWith('.js'),
  )
  return {
    fetchStart: navigation.fetchStart,
    signedInAt,
    exchangeStart: request.startTime,
    exchangeEnd: request.responseEnd,
    serverTiming: request.serverTiming.map(({ name, duration, description }) => ({
      name,
      duration,
      description,
    })),
    scriptsBeforeExchange: scripts.map((entry) => entry.name),
  }
}
