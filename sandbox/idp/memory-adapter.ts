// In-memory storage for oidc-provider, one store per provider instance. Passing our own
// adapter (documented `adapter` option) keeps the provider from warning about its built-in
// quick-start store. Expiry follows real time: oidc-provider runs on its own clock, not the
// sandbox clock.
import type { Adapter, AdapterPayload } from 'oidc-provider'

interface Entry {
  readonly model: string
  readonly payload: AdapterPayload
  readonly expiresAt: number
}

/** Models whose entries die with their grant (others, e.g. Interaction, may only mention it). */
const GRANT_BOUND = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

export function createMemoryAdapter(): new (model: string) => Adapter {
  const store = new Map<string, Entry>()

  function live(key: string): Entry | undefined {
    const entry = store.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= Date.now()) {
      store.delete(key)
      return undefined
    }
    return entry
  }

  function findWhere(model: string, field: 'uid' | 'userCode', value: string) {
    for (const [key, entry] of store) {
      if (entry.model === model && entry.payload[field] === value) return live(key)?.payload
    }
    return undefined
  }

  return class MemoryAdapter implements Adapter {
    readonly #model: string

    constructor(model: string) {
      this.#model = model
    }

    #key(id: string): string {
      return `${this.#model}:${id}`
    }

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const expiresAt = expiresIn > 0 ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY
      store.set(this.#key(id), { model: this.#model, payload, expiresAt })
      return Promise.resolve()
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(live(this.#key(id))?.payload)
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(findWhere(this.#model, 'uid', uid))
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(findWhere(this.#model, 'userCode', userCode))
    }

    consume(id: string): Promise<void> {
      const entry = live(this.#key(id))
      if (entry !== undefined) entry.payload.consumed = Math.floor(Date.now() / 1000)
      return Promise.resolve()
    }

    destroy(id: string): Promise<void> {
      store.delete(this.#key(id))
      return Promise.resolve()
    }

    revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of store) {
        if (GRANT_BOUND.has(entry.model) && entry.payload.grantId === grantId) store.delete(key)
      }
      return Promise.resolve()
    }
  }
}
