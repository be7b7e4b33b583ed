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

function envName(name: PartyPort): string {
  return `SSO_PORT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}

function readPort(name: PartyPort): number {
  const raw = process.env[envName(name)]
  if (raw === undefined || raw === '') return defaults[name]
  const port = Number(raw)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`${envName(name)} must be a TCP port, got "${raw}"`)
  }
  return port
}

export const ports: Record<PartyPort, number> = Object.fromEntries(
  (Object.keys(defaults) as PartyPort[]).map((name) => [name, readPort(name)]),
) as Record<PartyPort, number>

export function originOf(name: PartyPort): string {
  return `http://${HOST}:${ports[name]}`
}
