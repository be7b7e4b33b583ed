import { afterEach, expect, test } from 'vitest'
import { testConfig } from '../test/runtime-config.ts'
import { checkConfig, keepCheckedConfig } from './config-check.ts'

const KEY = 'sso-bridge:config-checked'
const file = (value: unknown) => ({
  ok: true as const,
  value: JSON.parse(JSON.stringify(value)) as unknown,
})

afterEach(() => {
  sessionStorage.clear()
})

test('a config file that could not be loaded is its issues, at once', () => {
  const issues = [{ path: '/sso.config.json', message: 'could not be loaded (HTTP 404)' }]
  expect(checkConfig({ ok: false, issues })).toEqual({ ok: false, issues })
})

test('a page checks with the full check and keeps nothing by itself', async () => {
  const result = checkConfig(file(testConfig()))
  expect(result).toBeInstanceOf(Promise)
  expect((await result).ok).toBe(true)
  expect(sessionStorage.length).toBe(0)
})

test('the check kept when a sign-in starts serves the next page of the same text at once, once', async () => {
  const checked = await checkConfig(file(testConfig()))
  keepCheckedConfig()
  expect(sessionStorage.getItem(KEY)).not.toBeNull()
  const next = checkConfig(file(testConfig()))
  expect(next).not.toBeInstanceOf(Promise)
  expect(next).toEqual(JSON.parse(JSON.stringify(checked)))
  // Taken: nothing stays behind, and a third page checks again.
  expect(sessionStorage.getItem(KEY)).toBeNull()
  expect(checkConfig(file(testConfig()))).toBeInstanceOf(Promise)
})

test('a kept check of other text is dropped, and the new text is checked', async () => {
  await checkConfig(file(testConfig()))
  keepCheckedConfig()
  const changed = { ...testConfig(), requestTimeoutMs: 0 }
  const result = checkConfig(file(changed))
  expect(result).toBeInstanceOf(Promise)
  const checked = await result
  expect(checked.ok).toBe(false)
  if (!checked.ok) expect(checked.issues.map(({ path }) => path)).toContain('requestTimeoutMs')
  expect(sessionStorage.getItem(KEY)).toBeNull()
  // An invalid config is not kept for the next page.
  keepCheckedConfig()
  expect(sessionStorage.getItem(KEY)).toBeNull()
})

test('a kept entry that is not the checked form of this text is not trusted, and is removed', async () => {
  const text = JSON.stringify(file(testConfig()).value)
  for (const kept of [
    'not json',
    JSON.stringify({ text }),
    JSON.stringify({ text: `${text} `, config: {} }),
  ]) {
    sessionStorage.setItem(KEY, kept)
    const result = checkConfig(file(testConfig()))
    expect(result).toBeInstanceOf(Promise)
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect((await result).ok).toBe(true)
  }
})
