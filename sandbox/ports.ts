// Default loopback ports of every party (docs/architecture.md §1). Each can be overridden by an
// environment variable, e.g. SSO_PORT_BFF=5020.
export const HOST = '127.0.0.1'

const defaults = {
  idp: 4010,
  bff: 4020,
  indee: 4025,
  assuresign: 4030,
  aimbase: 4040,
  abc: 4050,
  lob: 4060,
  control: 4070,
  appDev: 5173,
  appPreview: 4173,
} as const

export type PartyPort = keyof typeof defaults
export type Ports = Readonly<Record<PartyPort, number>>

/** The ports the sandbox listens on in dev and test mode (sandbox/start-parties.ts). */
export const SANDBOX_PORTS: readonly PartyPort[] = [
  'idp',
  'indee',
  'assuresign',
  'aimbase',
  'abc',
  'lob',
  'control',
]

/** What listens on each port, in the words of the startup messages. */
export const PORT_LABELS: Readonly<Record<PartyPort, string>> = {
  idp: 'identity provider',
  bff: 'BFF',
  indee: 'auth backend',
  assuresign: 'AssureSign emulator',
  aimbase: 'Aimbase emulator',
  abc: 'ABC emulator',
  lob: 'line-of-business portal',
  control: 'control API',
  appDev: 'Vite dev server',
  appPreview: 'vite preview',
}

/** The built-in ports, before any SSO_PORT_* variable. */
export const DEFAULT_PORTS: Ports = defaults

const names = Object.keys(defaults) as PartyPort[]

/** The environment variable that moves `name`, e.g. SSO_PORT_APP_PREVIEW for appPreview. */
export function portVariable(name: PartyPort): string {
  return `SSO_PORT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}

function readPort(name: PartyPort, env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[portVariable(name)]
  if (raw === undefined || raw === '') return defaults[name]
  const port = Number(raw)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`${portVariable(name)} must be a TCP port, got "${raw}"`)
  }
  return port
}

/** Stack 0's ports as `env`'s SSO_PORT_* variables name them (the defaults where unset). */
export function portsOf(env: Readonly<Record<string, string | undefined>>): Ports {
  return Object.fromEntries(names.map((name) => [name, readPort(name, env)])) as Ports
}

export const ports: Ports = portsOf(process.env)

export function originOf(name: PartyPort): string {
  return `http://${HOST}:${ports[name]}`
}

/**
 * The one line a part prints when it cannot listen on its port, e.g. `npm start: port 4010
 * (identity provider) is taken; set SSO_PORT_IDP to use another.` (`code` is the listen error's).
 */
export function portProblem(who: string, name: PartyPort, port: number, code?: string): string {
  const what = `port ${port} (${PORT_LABELS[name]})`
  const problem =
    code === 'EADDRINUSE' ? 'is taken' : `cannot be used${code === undefined ? '' : ` (${code})`}`
  return `${who}: ${what} ${problem}; set ${portVariable(name)} to use another.`
}

/**
 * How far apart the journeys' stacks are (playwright.config.ts: one sandbox, BFF and app servers
 * per Playwright worker). Stack k listens on every port of stack 0 plus STACK_PORT_OFFSET·k.
 */
export const STACK_PORT_OFFSET = 100

/**
 * The ports of journey stack `index`: stack 0 is `ports` (the defaults, or the SSO_PORT_*
 * variables), stack k every one of them plus 100·k (stack 1: IdP 4110, BFF 4120, preview 4273).
 */
export function stackPorts(index: number, base: Ports = ports): Ports {
  if (!Number.isInteger(index) || index < 0) throw new Error(`no journey stack ${index}`)
  const moved = Object.fromEntries(
    names.map((name) => [name, base[name] + STACK_PORT_OFFSET * index]),
  ) as Ports
  const tooHigh = names.find((name) => moved[name] > 65535)
  if (tooHigh !== undefined) throw new Error(`stack ${index}: ${tooHigh} would be past port 65535`)
  return moved
}

/** The SSO_PORT_* variables that put a process on `of` (every party named). */
export function portEnvironment(of: Ports): Record<string, string> {
  return Object.fromEntries(names.map((name) => [portVariable(name), String(of[name])]))
}

/** Every port of `of` that differs from `from`, e.g. to know whether anything was moved. */
export function movedPorts(of: Ports = ports, from: Ports = DEFAULT_PORTS): PartyPort[] {
  return names.filter((name) => of[name] !== from[name])
}

const LOOPBACK_ORIGIN = /\bhttp:\/\/(127\.0\.0\.1|localhost):(\d{1,5})(?!\d)/g

/**
 * `text` with every loopback origin on a port of `from` moved to the same party's port in `to`:
 * the runtime config's sandbox URLs (IdP issuer, partner origins, portal URLs) for servers that
 * run on moved ports. Origins on other ports stay as they are.
 */
export function moveOrigins(text: string, to: Ports = ports, from: Ports = DEFAULT_PORTS): string {
  const byPort = new Map(names.map((name) => [from[name], name]))
  return text.replace(LOOPBACK_ORIGIN, (origin, host: string, port: string) => {
    const name = byPort.get(Number(port))
    return name === undefined ? origin : `http://${host}:${to[name]}`
  })
}

/** The variable that names a process's journey stack (0 when unset): the kit's CLI and Vite plugin read it. */
export const STACK_VARIABLE = 'SSO_SANDBOX_STACK'

/** The variable that tells a host app's server its port on its stack (sandboxConfig sets it). */
export const APP_PORT_VARIABLE = 'SSO_SANDBOX_APP_PORT'

/** The stack index `raw` names; throws a one-line message for anything but a whole number ≥ 0. */
export function parseStack(raw: string | undefined, where: string = STACK_VARIABLE): number {
  if (raw === undefined || raw.trim() === '') return 0
  const index = Number(raw)
  if (!Number.isInteger(index) || index < 0 || index > 99) {
    throw new Error(`${where} must be a whole number from 0 to 99, got "${raw}"`)
  }
  return index
}

const LOOPBACK_URL = /^(https?:\/\/(?:127\.0\.0\.1|localhost))(?::(\d{1,5}))?(?=[/?#]|$)/

/**
 * `url` on journey stack `index` when it is a loopback URL: its port plus 100·index, as
 * `stackPorts` moves every party (an app's own port too, whether or not this file names it).
 */
export function onStack(url: string, index: number): string {
  if (index === 0) return url
  return url.replace(LOOPBACK_URL, (_whole, origin: string, port: string | undefined) => {
    const base = port === undefined ? (origin.startsWith('https') ? 443 : 80) : Number(port)
    return `${origin}:${base + STACK_PORT_OFFSET * index}`
  })
}
