import { expect, test } from 'vitest'
import { parseRedisTarget, plainToAnotherHost, redisTargetLabel } from './redis-target.ts'

test('a Sentinel value gives each Sentinel (26379 when no port is given), the name and the db', () => {
  expect(parseRedisTarget('redis-sentinel://s1,[::1]:26380,10.0.0.3:1234/sessions/4')).toEqual({
    mode: 'sentinel',
    sentinels: [
      { host: 's1', port: 26379 },
      { host: '[::1]', port: 26380 },
      { host: '10.0.0.3', port: 1234 },
    ],
    primaryName: 'sessions',
    username: undefined,
    password: undefined,
    db: 4,
    tls: false,
  })
})

test("a Sentinel value's user and password are Redis's, percent-decoded; rediss- is TLS", () => {
  expect(parseRedisTarget('rediss-sentinel://bff:p%40ss%3Aword@s1:26379/mymaster')).toMatchObject({
    username: 'bff',
    password: 'p@ss:word',
    tls: true,
  })
  expect(parseRedisTarget('redis-sentinel://:secret@s1/mymaster')).toMatchObject({
    username: undefined,
    password: 'secret',
  })
})

test('a redis:// or rediss:// URL is one Redis, kept as given', () => {
  for (const url of ['redis://127.0.0.1:6379', 'rediss://u:p@redis.internal:6380/2']) {
    expect(parseRedisTarget(url)).toEqual({ mode: 'single', url })
  }
})

test('anything else is no target', () => {
  for (const value of [
    'redis-sentinel://s1:26379',
    'redis-sentinel://s1:26379/',
    'redis-sentinel://s1:99999/mymaster',
    'redis-sentinel://s1:port/mymaster',
    'redis-sentinel://s1,,s2/mymaster',
    'redis-sentinel:///mymaster',
    'redis-sentinel://s1/my master',
    'redis-sentinel://s1/mymaster/db',
    'sentinel://s1/mymaster',
    'redis://',
    'http://redis:6379',
    'memory',
  ]) {
    expect(parseRedisTarget(value), value).toBeUndefined()
  }
})

test('plain to another host is any Sentinel or Redis off loopback without TLS', () => {
  const plain = (value: string) => plainToAnotherHost(parseRedisTarget(value) ?? expect.fail(value))
  expect(plain('redis://redis.internal:6379')).toBe(true)
  expect(plain('redis-sentinel://127.0.0.1,10.0.0.2/m')).toBe(true)
  expect(plain('redis://127.0.0.1:6379')).toBe(false)
  expect(plain('redis-sentinel://127.0.0.1,localhost,[::1]/m')).toBe(false)
  expect(plain('rediss-sentinel://10.0.0.1,10.0.0.2/m')).toBe(false)
})

test('the label hides the password and spells every Sentinel out', () => {
  const label = (value: string) => redisTargetLabel(parseRedisTarget(value) ?? expect.fail(value))
  expect(label('redis-sentinel://:hunter2@s1,s2:1/m')).toBe(
    'redis-sentinel://:***@s1:26379,s2:1/m/0',
  )
  expect(label('redis-sentinel://bff@s1/m/2')).toBe('redis-sentinel://bff@s1:26379/m/2')
  expect(label('redis://u:hunter2@r:6379/1')).toBe('redis://u:***@r:6379/1')
})
