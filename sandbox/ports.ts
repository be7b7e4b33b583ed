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
  /** examples/host-app ("Acme Portal"), a product team's app embedding sso-bridge (vite preview). */
  hostApp: 4180,
} as const

export type PartyPort = keyof typeof defaults

/** The ports the sandbox listens on in dev and test mode (sandbox/start-sandbox.ts). */
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
  hostApp: 'host app (vite preview)',
}

/** The environment variable that moves a port, e.g. SSO_PORT_APP_DEV for appDev. */
export function portVariable(name: PartyPort): string {
  return `SSO_PORT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}

function readPort(name: PartyPort): number {
  const raw = process.env[portVariable(name)]
  if (raw === undefined || raw === '') return defaults[name]
  const port = Number(raw)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`${portVariable(name)} must be a TCP port, got "${raw}"`)
  }
  return port
}

export const ports: Record<PartyPort, number> = Object.fromEntries(
  (Object.keys(defaults) as PartyPort[]).map((name) => [name, readPort(name)]),
) as Record<PartyPort, number>

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
