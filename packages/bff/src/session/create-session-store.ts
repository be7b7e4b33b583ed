// The session store the configuration names (SSO_SESSION_STORE): memory unless Redis is named,
// by its URL or by its Sentinels.
import type { SessionStoreConfig } from '../config.ts'
import { createMemorySessionStore } from './memory-session-store.ts'
import { createRedisSessionStore, type RedisSessionStoreOptions } from './redis-session-store.ts'
import type { SessionStore } from './session-store.ts'

export interface CreateSessionStoreOptions {
  readonly now: () => number
  readonly lockMs?: number
  readonly onLog?: RedisSessionStoreOptions['onLog']
  readonly onUnreplicatedWrite?: RedisSessionStoreOptions['onUnreplicatedWrite']
}

export function createSessionStore(
  config: SessionStoreConfig,
  options: CreateSessionStoreOptions,
): SessionStore {
  if (config.kind === 'memory') return createMemorySessionStore({ now: options.now })
  return createRedisSessionStore({
    target: config.target,
    password: config.password,
    sentinelUsername: config.sentinelUsername,
    sentinelPassword: config.sentinelPassword,
    tlsCa: config.tlsCa,
    replicas: config.replicas,
    replicaTimeoutMs: config.replicaTimeoutMs,
    ...(options.lockMs !== undefined && { lockMs: options.lockMs }),
    ...(options.onLog !== undefined && { onLog: options.onLog }),
    ...(options.onUnreplicatedWrite !== undefined && {
      onUnreplicatedWrite: options.onUnreplicatedWrite,
    }),
  })
}
