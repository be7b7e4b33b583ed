import { expect, test } from 'vitest'
import { destinationSchema } from './config.ts'

test('the config schema reports the words of the shared destination rule', () => {
  const result = destinationSchema('issuer').safeParse('http://idp.example/?tenant=1')
  expect(result.success).toBe(false)
  expect(result.error?.issues.map((issue) => [issue.code, issue.message])).toEqual([
    ['custom', 'must use https (http only on a loopback host)'],
    ['custom', 'must not carry a query'],
  ])
})
