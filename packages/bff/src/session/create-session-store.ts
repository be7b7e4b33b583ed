// The session store the configuration names (SSO_SESSION_STORE): memory unless a Redis URL is set.
import type { SessionStoreConfig } from '../config.ts'
import { createMemorySessionStore } from './memory-session-store.ts'
import { createRedisSessionStore, type RedisSessionStoreOptions } from './redis-session-store.ts'
import type { SessionStore } from './session-store.ts'

export interface CreateSessionStoreOptions {
  readonly now: () => number
  readonly lockMs?: number
  readonly onLog?: RedisSessionStoreOptions['onLog']
}

export function createSessionStore(
  config: SessionStoreConfig,
  options: CreateSessionStoreOptions,
): SessionStore {
  if (config.kind === 'memory') return createMemorySessionStore({ now: options.now })
  return createRedisSessionStore({
    url: config.url,
    ...(options.lockMs !== undefined && { lockMs: options.lockMs }),
    ...(options.onLog !== undefined && { onLog: options.onLog }),
  })
}
