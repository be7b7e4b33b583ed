import { createBrowserRouter, Outlet } from 'react-router-dom'
import { CallbackRoute } from '../react/callback-route.tsx'
import { HandoffRoute } from '../react/handoff-route.tsx'
import { HomeRoute } from '../react/home-route.tsx'
import { NotFoundRoute } from '../react/not-found-route.tsx'
import { AppShell } from './app-shell.tsx'

/** The public routes of docs/architecture.md §2. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: (
        <AppShell>
          <Outlet />
        </AppShell>
      ),
      children: [
        { path: '/', element: <HomeRoute /> },
        { path: '/sso/callback', element: <CallbackRoute /> },
        { path: '/handoff/assuresign/:envelopeId', element: <HandoffRoute partner="assuresign" /> },
        { path: '/handoff/aimbase', element: <HandoffRoute partner="aimbase" /> },
        { path: '/handoff/lob/:lobId', element: <HandoffRoute partner="abc" /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ])
}
