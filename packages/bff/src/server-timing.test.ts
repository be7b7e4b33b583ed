import { expect, test } from 'vitest'
import {
  formatDuration,
  MAX_RELAYED_ENTRIES,
  MAX_RELAYED_HEADER_CHARS,
  PhaseTimer,
  relayedEntries,
  serverTimingHeader,
} from './server-timing.ts'

test('well-formed upstream entries are kept, each name prefixed', () => {
  expect(
    relayedEntries('idp-token;dur=5.2;desc="IdP token endpoint", sign;dur=0, cache_hit', 'indee-'),
  ).toEqual([
    { name: 'indee-idp-token', dur: 5.2, desc: 'IdP token endpoint' },
    { name: 'indee-sign', dur: 0 },
    { name: 'indee-cache_hit' },
  ])
})

test('spaces around separators, parameter names in any case and commas inside a desc are read', () => {
  expect(relayedEntries(' a ; DUR = 1.5 ;Desc="x, y; z" ,b;desc=""', 'indee-')).toEqual([
    { name: 'indee-a', dur: 1.5, desc: 'x, y; z' },
    { name: 'indee-b', desc: '' },
  ])
})

test('a malformed entry is dropped whole, and the well-formed ones around it stay', () => {
  const malformed = [
    'bad name;dur=1',
    ';dur=1',
    `${'n'.repeat(33)};dur=1`,
    'nãme;dur=1',
    'a;dur=-1',
    'a;dur=1e3',
    'a;dur=1.',
    'a;dur=.5',
    'a;dur=abc',
    'a;dur=',
    'a;dur',
    'a;dur=1;dur=2',
    'a;desc=unquoted',
    'a;desc="back\\slash"',
    'a;desc="quote"in"side"',
    'a;desc="bell\u0007"',
    'a;desc="crlf\r\nset-cookie: x=1"',
    'a;desc="é"',
    `a;desc="${'d'.repeat(65)}"`,
    'a;desc="one";desc="two"',
    'a;foo=1',
    'a;',
  ]
  for (const entry of malformed) {
    expect(relayedEntries(`before;dur=1, ${entry}, after;dur=2`, 'indee-'), entry).toEqual([
      { name: 'indee-before', dur: 1 },
      { name: 'indee-after', dur: 2 },
    ])
  }
})

test('an unterminated quote loses the rest of the header, never passes it on', () => {
  expect(relayedEntries('a;dur=1, b;desc="open, c;dur=3', 'indee-')).toEqual([
    { name: 'indee-a', dur: 1 },
  ])
})

test(`at most ${MAX_RELAYED_ENTRIES} entries are relayed`, () => {
  const header = Array.from({ length: 12 }, (_, i) => `p${i};dur=${i}`).join(', ')
  const names = relayedEntries(header, 'indee-').map((entry) => entry.name)
  expect(names).toEqual(Array.from({ length: MAX_RELAYED_ENTRIES }, (_, i) => `indee-p${i}`))
})

test('malformed entries do not count towards the cap', () => {
  const header = ['x;dur=bad', ...Array.from({ length: 8 }, (_, i) => `p${i}`)].join(', ')
  expect(relayedEntries(header, 'indee-')).toHaveLength(MAX_RELAYED_ENTRIES)
})

test('no header, an empty one or one too long to read relays nothing', () => {
  expect(relayedEntries(undefined, 'indee-')).toEqual([])
  expect(relayedEntries('', 'indee-')).toEqual([])
  const long = `a;desc="${'x'.repeat(60)}", `.repeat(40)
  expect(long.length).toBeGreaterThan(MAX_RELAYED_HEADER_CHARS)
  expect(relayedEntries(long, 'indee-')).toEqual([])
  expect(relayedEntries(long.slice(0, MAX_RELAYED_HEADER_CHARS), 'indee-')).not.toEqual([])
})

test('durations are written with one or two decimals', () => {
  expect(formatDuration(0.049)).toBe('0.05')
  expect(formatDuration(8.1)).toBe('8.1')
  expect(formatDuration(8.104)).toBe('8.1')
  expect(formatDuration(9)).toBe('9.0')
  expect(formatDuration(0)).toBe('0.0')
  expect(formatDuration(1234.567)).toBe('1234.57')
})

test('the header lists each entry with its dur and quoted desc', () => {
  expect(
    serverTimingHeader([
      { name: 'bind', dur: 0.05 },
      { name: 'indee', dur: 8.1, desc: 'Indee sso/login' },
      { name: 'total', dur: 9.3 },
      { name: 'indee-mark' },
    ]),
  ).toBe('bind;dur=0.05, indee;dur=8.1;desc="Indee sso/login", total;dur=9.3, indee-mark')
})

test('relayed entries come out as they were read, prefixed', () => {
  const header = 'idp-token;dur=5.2;desc="IdP, token", junk;dur=x'
  expect(serverTimingHeader(relayedEntries(header, 'indee-'))).toBe(
    'indee-idp-token;dur=5.2;desc="IdP, token"',
  )
})

/** A clock that moves only when told. */
function clock() {
  let at = 100
  return { now: () => at, advance: (ms: number) => (at += ms) }
}

test("the timer records each phase, then total from its start, then the upstream header's well-formed entries", async () => {
  const time = clock()
  const timer = new PhaseTimer(time.now)
  time.advance(1)
  expect(timer.ran).toBe(false)
  expect(timer.time('bind', () => (time.advance(0.25), 'bound'))).toBe('bound')
  expect(timer.ran).toBe(true)
  const value = await timer.timeAsync(
    'indee',
    async () => {
      await Promise.resolve()
      time.advance(8)
      return 42
    },
    'Indee sso/login',
  )
  expect(value).toBe(42)
  timer.relay('sign;dur=1, not an entry', 'indee-')
  time.advance(0.5)
  expect(timer.entries()).toEqual([
    { name: 'bind', dur: 0.25 },
    { name: 'indee', dur: 8, desc: 'Indee sso/login' },
    { name: 'total', dur: 9.75 },
    { name: 'indee-sign', dur: 1 },
  ])
  expect(timer.durations()).toEqual({ bind: 0.25, indee: 8, total: 9.75 })
})

test('a phase that throws or rejects is timed all the same', async () => {
  const time = clock()
  const timer = new PhaseTimer(time.now)
  expect(() =>
    timer.time('bind', () => {
      time.advance(2)
      throw new Error('refused')
    }),
  ).toThrow('refused')
  await expect(
    timer.timeAsync('indee', async () => {
      await Promise.resolve()
      time.advance(3)
      throw new Error('unreachable')
    }),
  ).rejects.toThrow('unreachable')
  expect(timer.durations()).toEqual({ bind: 2, indee: 3, total: 5 })
})

test('logged durations are rounded to hundredths of a millisecond', () => {
  const time = clock()
  const timer = new PhaseTimer(time.now)
  timer.time('verify', () => time.advance(0.123456))
  expect(timer.durations()).toEqual({ verify: 0.12, total: 0.12 })
})
