import { expect, test } from 'vitest'
import { readSimpleSetupAddress, redactSimpleSetupPath } from './simple-setup-address.ts'

const ID = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const TOKEN = 'eyJ2YWxpZFVudGlsIjoi+a/b=='

function read(address: string) {
  const found = readSimpleSetupAddress(new URL(address, 'http://127.0.0.1:4030'))
  return found && { envelopeId: found.envelopeId, params: Object.fromEntries(found.params) }
}

test('reads the plain ?ssoToken= form', () => {
  expect(read(`/ui/simpleSetup/${ID}?ssoToken=${encodeURIComponent(TOKEN)}`)).toEqual({
    envelopeId: ID,
    params: { ssoToken: TOKEN },
  })
})

test('reads &ssoToken= appended to a Simple Setup URL that has a query', () => {
  expect(read(`/ui/simpleSetup/${ID}?foo=bar&ssoToken=${encodeURIComponent(TOKEN)}`)).toEqual({
    envelopeId: ID,
    params: { foo: 'bar', ssoToken: TOKEN },
  })
})

test('reads &ssoToken= appended to a Simple Setup URL without a query', () => {
  expect(read(`/ui/simpleSetup/${ID}&ssoToken=${encodeURIComponent(TOKEN)}`)).toEqual({
    envelopeId: ID,
    params: { ssoToken: TOKEN },
  })
})

test('an unencoded token loses its + to a space, as any query reader would', () => {
  expect(read(`/ui/simpleSetup/${ID}?ssoToken=${TOKEN}`)?.params['ssoToken']).toBe(
    TOKEN.replace('+', ' '),
  )
})

test('knows no other path', () => {
  expect(read('/ui/other')).toBeUndefined()
  expect(read(`/ui/simpleSetup/${ID}/more`)).toBeUndefined()
})

test('leaves what follows & in the path out of logs and records', () => {
  expect(redactSimpleSetupPath(`/ui/simpleSetup/${ID}&ssoToken=${TOKEN}`)).toBe(
    `/ui/simpleSetup/${ID}&{appended}`,
  )
  expect(redactSimpleSetupPath(`/ui/simpleSetup/${ID}`)).toBe(`/ui/simpleSetup/${ID}`)
})
