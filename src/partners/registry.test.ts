import { expect, test } from 'vitest'
import { safeWindowFor } from '../core/handoff-guard.ts'
import { HANDOFF_ADAPTERS } from './registry.ts'

test('each partner is served by the adapter that names it', () => {
  expect(Object.keys(HANDOFF_ADAPTERS).sort()).toEqual(['abc', 'aimbase', 'assuresign'])
  for (const [partner, adapter] of Object.entries(HANDOFF_ADAPTERS)) {
    expect(adapter.partner).toBe(partner)
  }
})

test('safe windows are half of each vendor token lifetime', () => {
  expect(safeWindowFor(HANDOFF_ADAPTERS.assuresign)).toBe(15_000)
  expect(safeWindowFor(HANDOFF_ADAPTERS.aimbase)).toBe(7_500)
  expect(safeWindowFor(HANDOFF_ADAPTERS.abc)).toBe(7.5 * 60_000)
})
