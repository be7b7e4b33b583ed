import { createContext, useContext } from 'react'
import type { Services } from '../callback/services.ts'
import type { CallbackSuccess } from '../core/callback.ts'

export interface AppContextValue {
  readonly services: Services
  /** The login exchange the entry script started on /sso/callback, if this load is the callback. */
  readonly callback: Promise<CallbackSuccess> | undefined
}

export const AppContext = createContext<AppContextValue | undefined>(undefined)

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext)
  if (value === undefined) throw new Error('useAppContext outside AppContext provider')
  return value
}
