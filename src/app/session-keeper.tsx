import { useEffect } from 'react'
import { useAppContext } from '../routes/app-context.ts'
import { useSession } from '../routes/use-session.ts'

/** Keeps the session renewed before it expires, for as long as the app is open. */
export function SessionKeeper() {
  const { sessionManager } = useAppContext().services
  const expiresAt = useSession()?.expiresAt
  useEffect(() => {
    if (expiresAt === undefined) return undefined
    sessionManager.scheduleRefresh()
    return () => {
      sessionManager.stop()
    }
  }, [sessionManager, expiresAt])
  return null
}
