import { afterEach, expect, test } from 'vitest'
import { testConfig } from '../test/runtime-config.ts'
import { checkConfig } from './config-check.ts'

const KEY = 'sso-bridge:config-checked'

afterEach(() => {
  sessionStorage.clear()
})

test('a config file that could not be loaded is its issues, at once', () => {
  const issues = [{ path: '/sso.config.json', message: 'could not be loaded (HTTP 404)' }]
  expect(checkConfig({ ok: false, issues })).toEqual({ ok: false, issues })
})

test('the first check loads the full check; the same text in this tab is then checked at once', async () => {
  const value: unknown = JSON.parse(JSON.stringify(testConfig()))
  const first = checkConfig({ ok: true, value })
  expect(first).toBeInstanceOf(Promise)
  const checked = await first
  expect(checked.ok).toBe(true)
  const again = checkConfig({ ok: true, value: JSON.parse(JSON.stringify(value)) as unknown })
  expect(again).not.toBeInstanceOf(Promise)
  expect(again).toEqual(JSON.parse(JSON.stringify(checked)))
})

test('other text is checked again, and an invalid config leaves nothing kept', async () => {
  const value: unknown = JSON.parse(JSON.stringify(testConfig()))
  await checkConfig({ ok: true, value })
  expect(sessionStorage.getItem(KEY)).not.toBeNull()
  const bad = { ...(value as object), requestTimeoutMs: 0 }
  const result = checkConfig({ ok: true, value: bad })
  expect(result).toBeInstanceOf(Promise)
  const checked = await result
  expect(checked.ok).toBe(false)
  if (!checked.ok) expect(checked.issues.map((issue) => issue.path)).toContain('requestTimeoutMs')
  expect(sessionStorage.getItem(KEY)).toBeNull()
})

test('a kept entry that is not the checked form of this text is not trusted', async () => {
  const value: unknown = JSON.parse(JSON.stringify(testConfig()))
  const text = JSON.stringify(value)
  for (const kept of [
    'not json',
    JSON.stringify({ text }),
    JSON.stringify({ text: `${text} `, config: {} }),
  ]) {
    sessionStorage.setItem(KEY, kept)
    const result = checkConfig({ ok: true, value })
    expect(result).toBeInstanceOf(Promise)
    expect((await result).ok).toBe(true)
  }
})
