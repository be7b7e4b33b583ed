import { expect, test } from 'vitest'
import { handoffState, isInAppHandoff } from './handoff-state.ts'

test('the mark is recognised, also as a copy (history state comes back cloned after a reload)', () => {
  expect(isInAppHandoff(handoffState)).toBe(true)
  expect(isInAppHandoff(structuredClone(handoffState))).toBe(true)
  expect(isInAppHandoff({ ...handoffState, from: 'the host' })).toBe(true)
})

test.each([
  ['no state', null],
  ['another state', { from: 'elsewhere' }],
  ['another value', { 'sso-bridge:handoff': true }],
  ['a string', 'sso-bridge:handoff'],
  ['an inherited mark', Object.create(handoffState) as unknown],
])('%s is not a hand-off started inside the app', (_name, state) => {
  expect(isInAppHandoff(state)).toBe(false)
})
