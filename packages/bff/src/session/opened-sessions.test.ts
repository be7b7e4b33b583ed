import { expect, test } from 'vitest'
import { RECORD } from '../testing/session-records.ts'
import { OpenedSessions } from './opened-sessions.ts'

test('a value is known only while it is the very value remembered under its key', () => {
  const opened = new OpenedSessions()
  opened.remember('k', 'v1.aaa', RECORD)
  expect(opened.get('k', 'v1.aaa')).toBe(RECORD)
  expect(opened.get('k', 'v1.aab')).toBeUndefined()
  expect(opened.get('other', 'v1.aaa')).toBeUndefined()
  opened.remember('k', 'v1.bbb', { ...RECORD, token: 'renewed' })
  expect(opened.get('k', 'v1.aaa')).toBeUndefined()
  expect(opened.get('k', 'v1.bbb')?.token).toBe('renewed')
  opened.forget('k')
  expect(opened.get('k', 'v1.bbb')).toBeUndefined()
})

test('it keeps at most its bound, dropping the least recently used first', () => {
  const opened = new OpenedSessions(2)
  opened.remember('a', 'va', RECORD)
  opened.remember('b', 'vb', RECORD)
  expect(opened.get('a', 'va')).toBe(RECORD)
  opened.remember('c', 'vc', RECORD)
  expect(opened.size).toBe(2)
  expect(opened.get('b', 'vb')).toBeUndefined()
  expect(opened.get('a', 'va')).toBe(RECORD)
  expect(opened.get('c', 'vc')).toBe(RECORD)
})
