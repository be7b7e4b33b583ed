// What the signed-in home does not show is loaded once the browser is idle after the first view
// settled (the callback's exchange answered, or there was none), so the first hand-off or error
// does not wait for its code. Nothing here runs before the exchange answers: the signed-in view
// gets the browser to itself first.
import { useEffect } from 'react'
import { loadConfigCheck } from './config-check.ts'
import { preloadViews } from './lazy-views.tsx'
import { loadHandoffRoute } from './sso-routes.tsx'

/**
 * Loads the code of the hand-off routes, of the default views that load on first use and of the
 * config's full check.
 */
export function prefetchLater(): Promise<unknown> {
  return Promise.all([preloadViews(), loadHandoffRoute(), loadConfigCheck()])
}

/** Runs `task` when the browser is next idle; returns how to cancel it. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 2_000 })
    return () => {
      window.cancelIdleCallback(id)
    }
  }
  // Browsers without idle callbacks: after the current frames.
  const timer = window.setTimeout(task, 200)
  return () => {
    window.clearTimeout(timer)
  }
}

/** Prefetches, once `callback` (this page's exchange, if any) has settled and the browser is idle. */
export function IdlePrefetch({ callback }: { readonly callback: Promise<unknown> | undefined }) {
  useEffect(() => {
    let live = true
    let cancel: (() => void) | undefined
    void Promise.resolve(callback)
      .catch(() => undefined)
      .then(() => {
        if (live) cancel = whenIdle(() => void prefetchLater().catch(() => undefined))
      })
    return () => {
      live = false
      cancel?.()
    }
  }, [callback])
  return null
}
