import { useQuery } from '@tanstack/react-query'
import { sessionQuery } from './session-query.ts'
import { useAppContext } from './app-context.ts'

/**
 * The session as the BFF last said: `pending` until it has answered, then signed in (with what
 * the app shows) or signed out (with why).
 */
export function useSessionState() {
  const { backend } = useAppContext().services
  return useQuery(sessionQuery(backend))
}
