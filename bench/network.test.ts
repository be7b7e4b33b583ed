import { expect, test } from 'vitest'
import { parseNetworkProfiles } from './network.ts'

const names = (value: string | undefined) => parseNetworkProfiles(value).map((p) => p.name)

test('with no BENCH_NETWORK, loopback runs first and then rtt40', () => {
  expect(names(undefined)).toEqual(['loopback', 'rtt40'])
  expect(names('  ')).toEqual(['loopback', 'rtt40'])
})

test('a comma list picks the profiles in its own order, spaces ignored', () => {
  expect(names('rtt40')).toEqual(['rtt40'])
  expect(names(' rtt40 , loopback ')).toEqual(['rtt40', 'loopback'])
})

test('loopback emulates nothing; rtt40 asks Chromium for 40 ms and 10 Mbit/s each way', () => {
  const [loopback, rtt40] = parseNetworkProfiles('loopback,rtt40')
  expect(loopback?.conditions).toBeUndefined()
  expect(rtt40?.conditions).toEqual({
    latency: 40,
    downloadThroughput: 1_250_000,
    uploadThroughput: 1_250_000,
  })
})

test('an unknown profile is refused with the names that exist', () => {
  expect(() => parseNetworkProfiles('loopback,3g')).toThrow(
    'BENCH_NETWORK: unknown profile "3g" (known: loopback, rtt40)',
  )
})

test('a profile named twice is refused', () => {
  expect(() => parseNetworkProfiles('rtt40,rtt40')).toThrow('"rtt40" is named twice')
})
