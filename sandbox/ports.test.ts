// Ports of the parties and of the journeys' stacks (ports.ts).
import { expect, test } from 'vitest'
import {
  DEFAULT_PORTS,
  moveOrigins,
  movedPorts,
  portEnvironment,
  portVariable,
  stackPorts,
  type Ports,
} from './ports.ts'

test('every party has its SSO_PORT_* variable', () => {
  expect(portVariable('idp')).toBe('SSO_PORT_IDP')
  expect(portVariable('appPreview')).toBe('SSO_PORT_APP_PREVIEW')
  expect(portVariable('appDev')).toBe('SSO_PORT_APP_DEV')
})

test('stack 0 is the base ports, stack k every port plus 100·k', () => {
  expect(stackPorts(0, DEFAULT_PORTS)).toEqual(DEFAULT_PORTS)
  const one = stackPorts(1, DEFAULT_PORTS)
  expect(one).toMatchObject({
    idp: 4110,
    bff: 4120,
    control: 4170,
    appPreview: 4273,
  })
  expect(stackPorts(2, { ...DEFAULT_PORTS, idp: 5010 }).idp).toBe(5210)
  expect(() => stackPorts(-1)).toThrow(/no journey stack/)
  expect(() => stackPorts(1, { ...DEFAULT_PORTS, idp: 65500 })).toThrow(/past port 65535/)
})

test('no two of the first nine stacks share a port', () => {
  const all = Array.from({ length: 9 }, (_, k) => Object.values(stackPorts(k, DEFAULT_PORTS)))
  const flat = all.flat()
  expect(new Set(flat).size).toBe(flat.length)
})

test('the port environment names every party', () => {
  const env = portEnvironment(stackPorts(1, DEFAULT_PORTS))
  expect(env).toMatchObject({ SSO_PORT_IDP: '4110', SSO_PORT_APP_DEV: '5273' })
  expect(Object.keys(env)).toHaveLength(Object.keys(DEFAULT_PORTS).length)
})

test('moved ports are those that differ from the defaults', () => {
  expect(movedPorts(DEFAULT_PORTS)).toEqual([])
  expect(movedPorts({ ...DEFAULT_PORTS, idp: 5010, lob: 5060 })).toEqual(['idp', 'lob'])
})

test('origins on a default port move to the same party on the new ports', () => {
  const to: Ports = { ...DEFAULT_PORTS, idp: 5010, lob: 5060 }
  const text = JSON.stringify({
    issuer: 'http://127.0.0.1:4010',
    portal: 'http://127.0.0.1:4060/lob/ABSLI/sso',
    local: 'http://localhost:4010/x',
    untouched: 'http://127.0.0.1:4030',
    otherPort: 'http://127.0.0.1:40100',
    otherHost: 'http://example.com:4010',
    https: 'https://127.0.0.1:4010',
  })
  expect(JSON.parse(moveOrigins(text, to))).toEqual({
    issuer: 'http://127.0.0.1:5010',
    portal: 'http://127.0.0.1:5060/lob/ABSLI/sso',
    local: 'http://localhost:5010/x',
    untouched: 'http://127.0.0.1:4030',
    otherPort: 'http://127.0.0.1:40100',
    otherHost: 'http://example.com:4010',
    https: 'https://127.0.0.1:4010',
  })
  expect(moveOrigins('http://127.0.0.1:4110', DEFAULT_PORTS, stackPorts(1, DEFAULT_PORTS))).toBe(
    'http://127.0.0.1:4010',
  )
})
