import { useSyncExternalStore } from 'react'
import { useAppContext } from './app-context.ts'

/** Why this tab was last signed out: by the person, or because the session could not be renewed. */
export function useSignOutReason() {
  const { sessionManager } = useAppContext().services
  return useSyncExternalStore(sessionManager.subscribe, () => sessionManager.lastSignOutReason)
}
