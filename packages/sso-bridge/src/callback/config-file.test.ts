import { afterEach, expect, test, vi } from 'vitest'
import { loadConfigFile } from './config-file.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

test('asks for the file with same-origin credentials, as index.html preloads it', async () => {
  const fetchSpy = vi.fn<typeof fetch>(() => Promise.resolve(Response.json({ apiBase: '/api' })))
  vi.stubGlobal('fetch', fetchSpy)
  await expect(loadConfigFile('/sso.config.json')).resolves.toEqual({
    ok: true,
    value: { apiBase: '/api' },
  })
  expect(fetchSpy).toHaveBeenCalledExactlyOnceWith(
    new URL('/sso.config.json', window.location.href).href,
    { credentials: 'same-origin' },
  )
})

test('a file that cannot be loaded names its URL and status', async () => {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })))
  await expect(loadConfigFile('/sso.config.json')).resolves.toEqual({
    ok: false,
    issues: [{ path: '/sso.config.json', message: 'could not be loaded (HTTP 404)' }],
  })
})
