import { useSyncExternalStore } from 'react'
import type { Session } from '../sso/session-store.ts'
import { useAppContext } from './app-context.ts'

/** The current session of this tab, kept in step with refreshes and sign-out. */
export function useSession(): Session | undefined {
  const { sessions } = useAppContext().services
  return useSyncExternalStore(sessions.subscribe, sessions.current)
}
