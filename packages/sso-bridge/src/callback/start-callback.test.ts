import { http, HttpResponse, type JsonBodyType } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import shipped from '../../../../public/sso.config.json'
import { createTransactionStore } from '../core/transaction-store.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { readCallbackConfig } from './callback-config.ts'
import { saveCallbackSettings } from './callback-settings.ts'

const server = mswServer()
const ISS = encodeURIComponent(shipped.identityProvider.issuer)
const at = (path: string) => new URL(path, window.location.origin).href

afterEach(() => {
  window.history.replaceState(null, '', '/')
  vi.restoreAllMocks()
})

/** A new page load at `path`: the entry's modules (and their single flights) are fresh. */
async function openPage(path: string) {
  window.history.replaceState(null, '', path)
  vi.resetModules()
  return import('../callback.ts')
}

/** The transaction sign-in left before the identity provider sent the browser back. */
function signInStarted(state: string) {
  createTransactionStore({ storage: sessionStorage, now: Date.now, ttlMs: 600_000 }).save({
    flow: 'signin',
    provider: 'bff',
    state,
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/handoff/lob/ABSLI',
    issuer: shipped.identityProvider.issuer,
    createdAt: Date.now(),
  })
}

function serveConfig(body: JsonBodyType = shipped, path = '/sso.config.json') {
  server.use(http.get(at(path), () => HttpResponse.json(body)))
}

/** Answers sso/login with alice's session; returns the bodies it received. */
function serveLogin(): unknown[] {
  const seen: unknown[] = []
  server.use(
    http.post(at('/api/sso/login'), async ({ request }) => {
      seen.push(await request.json())
      return HttpResponse.json(ALICE_SESSION)
    }),
  )
  return seen
}

function readCallbackConfigOrThrow(file: unknown) {
  const read = readCallbackConfig(file)
  if (!read.ok) throw new Error('the shipped config has a bad callback field')
  return read.config
}

const requestedUrls = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([input]) => String(input))

test('takes code and state out of the address bar before any await, without a new entry', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig()
  serveLogin()
  const entries = window.history.length
  const started = entry.startCallback()
  expect(window.location.href).toBe(at('/sso/callback'))
  expect(window.history.length).toBe(entries)
  await (
    await started
  ).callback
})

test('has sent the one login request when it resolves; the callback gives the session', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig()
  const seen = serveLogin()
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json'), at('/api/sso/login')])
  await expect(start.callback).resolves.toEqual({
    returnTo: '/handoff/lob/ABSLI',
    session: ALICE_SESSION,
  })
  expect(seen).toEqual([{ state: 's1', nonce: 'n1', email: 'alice@example.com', code: 'c1' }])
})

test('gives the config file as loaded and the paths it used', async () => {
  const entry = await openPage('/')
  serveConfig()
  await expect(entry.startCallback()).resolves.toEqual({
    configUrl: '/sso.config.json',
    callbackPath: '/sso/callback',
    configFile: { ok: true, value: shipped },
    callback: undefined,
  })
})

test('off the callback page the URL stays and nothing but the config is fetched', async () => {
  const entry = await openPage('/handoff/lob/ABSLI?functionality=POL&state=s1&code=c1')
  serveConfig()
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  expect(start.callback).toBeUndefined()
  expect(window.location.href).toBe(at('/handoff/lob/ABSLI?functionality=POL&state=s1&code=c1'))
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json')])
})

test("a host's own callback path and config URL", async () => {
  const entry = await openPage(`/auth/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig(shipped, '/config/sso.json')
  const seen = serveLogin()
  expect(entry.isCallbackPage('/auth/callback')).toBe(true)
  expect(entry.isCallbackPage()).toBe(false)
  const start = await entry.startCallback({
    configUrl: '/config/sso.json',
    callbackPath: '/auth/callback',
  })
  expect(window.location.href).toBe(at('/auth/callback'))
  expect(entry.isCallbackPage('/auth/callback')).toBe(true)
  await expect(start.callback).resolves.toMatchObject({ returnTo: '/handoff/lob/ABSLI' })
  expect(seen).toHaveLength(1)
})

test.each([
  [
    'answered 404',
    () => new HttpResponse('missing', { status: 404 }),
    'could not be loaded (HTTP 404)',
  ],
  [
    'not JSON',
    () => new HttpResponse('{apiBase', { status: 200 }),
    'could not be loaded or is not JSON',
  ],
  ['unreachable', () => HttpResponse.error(), 'could not be loaded or is not JSON'],
])(
  'a config file %s: no login request, the reason under its URL',
  async (_name, answer, message) => {
    const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
    signInStarted('s1')
    server.use(http.get(at('/sso.config.json'), answer))
    const fetchSpy = vi.spyOn(window, 'fetch')
    const start = await entry.startCallback()
    expect(start.configFile).toEqual({ ok: false, issues: [{ path: '/sso.config.json', message }] })
    expect(start.callback).toBeUndefined()
    expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json')])
  },
)

test('a bad callback field in the config stops the exchange and still gives the file', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  const config = { ...shipped, apiBase: 'https://api.example' }
  serveConfig(config)
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  expect(start.configFile).toEqual({ ok: true, value: config })
  expect(start.callback).toBeUndefined()
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json')])
})

test('without sessionStorage the callback is storage_unavailable and nothing is sent', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig()
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('refused', 'SecurityError')
  })
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  await expect(start.callback).rejects.toMatchObject({ code: 'storage_unavailable' })
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json')])
})

test('a second call on the same page gets the first result and sends nothing more', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig()
  const seen = serveLogin()
  const first = entry.startCallback()
  expect(entry.startCallback()).toBe(first)
  await (
    await first
  ).callback
  expect(seen).toHaveLength(1)
})

test('a refused exchange rejects the callback with its code and returnTo', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  serveConfig()
  server.use(
    http.post(at('/api/sso/login'), () =>
      HttpResponse.json({ error: 'login_failed', message: 'x' }, { status: 401 }),
    ),
  )
  const start = await entry.startCallback()
  await expect(start.callback).rejects.toMatchObject({
    code: 'login_failed',
    returnTo: '/handoff/lob/ABSLI',
  })
})

test('with the settings the sign-in saved, the login request goes out before the config file is asked for', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  saveCallbackSettings(readCallbackConfigOrThrow(shipped))
  serveConfig()
  const seen = serveLogin()
  const fetchSpy = vi.spyOn(window, 'fetch')
  const started = entry.startCallback()
  // Both sent before the first await, the login request first: the config file cannot delay it.
  expect(requestedUrls(fetchSpy)).toEqual([at('/api/sso/login'), at('/sso.config.json')])
  const start = await started
  await expect(start.callback).resolves.toMatchObject({ returnTo: '/handoff/lob/ABSLI' })
  expect(seen).toEqual([{ state: 's1', nonce: 'n1', email: 'alice@example.com', code: 'c1' }])
})

test('saved settings that break a rule are ignored: the callback waits for the config file', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=s1&iss=${ISS}`)
  signInStarted('s1')
  sessionStorage.setItem(
    'sso-bridge:callback-settings',
    JSON.stringify({
      ...readCallbackConfigOrThrow(shipped),
      apiBase: '//evil.example',
      savedAt: Date.now(),
    }),
  )
  serveConfig()
  const seen = serveLogin()
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json'), at('/api/sso/login')])
  await start.callback
  expect(seen).toHaveLength(1)
  expect(sessionStorage.getItem('sso-bridge:callback-settings')).toBeNull()
})

test('with saved settings a state the tab never started is still refused, and nothing is sent', async () => {
  const entry = await openPage(`/sso/callback?code=c1&state=other&iss=${ISS}`)
  signInStarted('s1')
  saveCallbackSettings(readCallbackConfigOrThrow(shipped))
  serveConfig()
  const fetchSpy = vi.spyOn(window, 'fetch')
  const start = await entry.startCallback()
  await expect(start.callback).rejects.toMatchObject({ code: 'state_mismatch' })
  expect(requestedUrls(fetchSpy)).toEqual([at('/sso.config.json')])
})

test('off the callback page, settings no sign-in can use any more are removed', async () => {
  const entry = await openPage('/')
  serveConfig()
  saveCallbackSettings(readCallbackConfigOrThrow(shipped), 0)
  await entry.startCallback()
  expect(sessionStorage.getItem('sso-bridge:callback-settings')).toBeNull()
})
