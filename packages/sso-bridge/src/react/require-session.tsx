import type { ReactNode } from 'react'
import { Navigate, Outlet, useLocation, type RouteObject } from 'react-router-dom'
import { Failure } from './failure.tsx'
import { Pending } from './pending.tsx'
import { signInPath } from './sign-in-path.ts'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'

/**
 * Shows `children` to a signed-in person only. Anyone else goes through the sign-in page and, once
 * signed in, comes back to this very address (the return path travels in the stored sign-in, not
 * in the identity provider's URL).
 */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { paths } = useSso()
  const session = useSession()
  const location = useLocation()
  if (session.status === 'pending') return <Pending message="progress.checkingSession" />
  if (session.status === 'error') return <Failure error={session.error} retry={session.retry} />
  if (session.status === 'signed-out') {
    const here = `${location.pathname}${location.search}${location.hash}`
    return <Navigate to={signInPath(paths.signIn, here, paths.home)} replace />
  }
  return children
}

/**
 * The same route, shown only to a signed-in person (see {@link RequireSession}). Its `element` or
 * `Component` is wrapped; a route with neither (a layout of children) guards all its children.
 */
export function requireSession(route: RouteObject): RouteObject {
  const { Component, element, ...rest } = route
  const inner = element ?? (Component ? <Component /> : <Outlet />)
  return { ...rest, element: <RequireSession>{inner}</RequireSession> }
}
