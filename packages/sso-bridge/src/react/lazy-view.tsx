// Views the signed-in path does not show (errors, the config error page, the hand-off question)
// live in chunks of their own. A lazy view renders its module's component at once when the module
// is already loaded (prefetched when the browser was idle, or shown before), else nothing until it
// arrives. No Suspense: React holds back content revealed after a Suspense fallback by up to
// 300 ms, and an error must not wait for that. A module that cannot be loaded (a deploy replaced
// the chunks) leaves a short alert with a way to load the page again, never an empty page.
import { useEffect, useState, type ComponentType } from 'react'
import { useSsoText } from './i18n.tsx'

/** A view whose code loads on first use, or earlier through `preload`. */
export interface LazyView<Props extends object> {
  readonly View: ComponentType<Props>
  /** Loads the module now (once); resolves when its component is ready. */
  readonly preload: () => Promise<unknown>
}

type Loaded<Props> =
  { readonly ok: true; readonly Component: ComponentType<Props> } | { readonly ok: false }

export function lazyView<Props extends object>(
  name: string,
  load: () => Promise<ComponentType<Props>>,
): LazyView<Props> {
  let loaded: Loaded<Props> | undefined
  let loading: Promise<Loaded<Props>> | undefined
  const preload = () => {
    loading ??= load().then(
      (Component): Loaded<Props> => (loaded = { ok: true, Component }),
      (): Loaded<Props> => {
        // The next attempt asks again: the chunk may be back (a flaky network).
        loading = undefined
        return { ok: false }
      },
    )
    return loading
  }
  function View(props: Props) {
    const [state, setState] = useState(() => loaded)
    useEffect(() => {
      // Loaded, or failed: a failure stays on screen until the person asks again.
      if (state !== undefined) return
      let live = true
      void preload().then((next) => {
        if (live) setState(next)
      })
      return () => {
        live = false
      }
    }, [state])
    if (state === undefined) return null
    if (!state.ok) return <LoadFailed />
    return <state.Component {...props} />
  }
  View.displayName = name
  return { View, preload }
}

/** What shows when a view's code could not be loaded: the page must be loaded again. */
function LoadFailed() {
  const { t } = useSsoText()
  return (
    <section className="card error" role="alert" aria-labelledby="view-load-failed-title">
      <h1 id="view-load-failed-title">{t('loadFailed.title')}</h1>
      <p>{t('loadFailed.message')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            window.location.reload()
          }}
        >
          {t('action.retry')}
        </button>
      </div>
    </section>
  )
}
