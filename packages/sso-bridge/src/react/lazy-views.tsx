// The default views the signed-in home does not show, each in a chunk of its own (lazy-view.tsx):
// what createSso uses when a host gives none, and what sso-bridge/react exports by these names.
import { lazyView } from './lazy-view.tsx'
import type {
  ConfigErrorViewProps,
  ErrorViewProps,
  HandoffConfirmViewProps,
  NotFoundViewProps,
} from './views.ts'

const errorView = lazyView<ErrorViewProps>('ErrorView', () =>
  import('./error-view.tsx').then((m) => m.ErrorView),
)
const configErrorView = lazyView<ConfigErrorViewProps>('ConfigErrorView', () =>
  import('./config-error-view.tsx').then((m) => m.ConfigErrorView),
)
const handoffConfirmView = lazyView<HandoffConfirmViewProps>('HandoffConfirmView', () =>
  import('./handoff-confirm-view.tsx').then((m) => m.HandoffConfirmView),
)
const notFoundView = lazyView<NotFoundViewProps>('NotFoundView', () =>
  import('./not-found-view.tsx').then((m) => m.NotFoundView),
)

/**
 * The default error view (docs/architecture.md §2), loaded on first use: the title, the message,
 * the way forward and the details for support.
 */
export const ErrorView = errorView.View
/** The default config error view, loaded on first use: every bad field of the runtime config. */
export const ConfigErrorView = configErrorView.View
/** The default question before a hand-off begun outside the app, loaded on first use. */
export const HandoffConfirmView = handoffConfirmView.View
/** The default not-found view, loaded on first use. */
export const NotFoundView = notFoundView.View

/** Loads every default view's code (the browser is idle: nothing waits for it). */
export function preloadViews(): Promise<unknown> {
  return Promise.all(
    [errorView, configErrorView, handoffConfirmView, notFoundView].map((v) => v.preload()),
  )
}
