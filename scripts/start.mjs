#!/usr/bin/env node
// `npm start`: the sandbox (identity provider, backend, vendor emulators, control API), the BFF
// (from source, configured for the sandbox) and the Vite dev server as one command. Before
// starting anything it checks every port it will use, and a taken one stops it with one line
// naming the port and the variable that moves it. Once all three answer it prints what runs.
// Ctrl-C (or SIGTERM) stops them all, whole process trees included.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { tsImport } from 'tsx/esm/api'
import { EXAMPLE_HOST_APP } from './example-host-app.mjs'

const WHO = 'npm start'

/** sandbox/ports.ts; a bad SSO_PORT_* value stops here with the module's one-line message. */
async function loadPorts() {
  try {
    return await tsImport('../sandbox/ports.ts', import.meta.url)
  } catch (error) {
    console.error(`${WHO}: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
const { HOST, SANDBOX_PORTS, PORT_LABELS, originOf, portProblem, portVariable, ports } =
  await loadPorts()

/** Every port npm start listens on: the sandbox's (dev mode), the BFF's, the dev server's. */
const USED = [...SANDBOX_PORTS, 'bff', 'appDev']

/** The listen error's code for `port` on 127.0.0.1, or undefined when it is free. */
function probe(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', (error) => resolve(error.code ?? 'error'))
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve()))
  })
}

/** One line per problem: two parts given the same port, or a port something else holds. */
async function portProblems() {
  const problems = []
  const byPort = new Map()
  for (const name of USED) byPort.set(ports[name], [...(byPort.get(ports[name]) ?? []), name])
  for (const [port, names] of byPort) {
    if (names.length < 2) continue
    const who = names.map((name) => `the ${PORT_LABELS[name]} (${portVariable(name)})`)
    problems.push(`${WHO}: port ${port} is set for ${who.join(' and ')}; give each its own.`)
  }
  const entries = [...byPort.entries()]
  const codes = await Promise.all(entries.map(([port]) => probe(port)))
  entries.forEach(([port, names], index) => {
    if (codes[index] !== undefined) problems.push(portProblem(WHO, names[0], port, codes[index]))
  })
  return problems
}

const problems = await portProblems()
if (problems.length > 0) {
  for (const line of problems) console.error(line)
  process.exit(1)
}

// The sandbox and the BFF register the example host app too (SSO_SANDBOX_APPS, unless set).
const env = { ...process.env, SSO_SANDBOX_APPS: process.env.SSO_SANDBOX_APPS ?? EXAMPLE_HOST_APP }

// Each part leads its own process group, so stopping it reaches what npx and tsx start below it.
// The sandbox runs without its BFF: the BFF runs from source here (scripts/run-bff.ts).
const parts = [
  ['sandbox', 'npx', ['tsx', 'sandbox/main.ts', '--mode', 'dev', '--no-bff']],
  ['BFF', 'npx', ['tsx', 'scripts/run-bff.ts']],
  ['dev server', 'npx', ['vite', '--clearScreen', 'false']],
].map(([name, command, args]) => ({
  name,
  child: spawn(command, args, { stdio: 'inherit', detached: true, env }),
}))

const running = ({ child }) => child.exitCode === null && child.signalCode === null

function signal({ child }, sig) {
  try {
    process.kill(-child.pid, sig)
  } catch {
    // already gone
  }
}

let stopping = false
async function stop(code) {
  if (stopping) return
  stopping = true
  const exits = parts.filter(running).map(({ child }) => new Promise((r) => child.once('exit', r)))
  for (const part of parts) signal(part, 'SIGTERM')
  const force = setTimeout(() => parts.forEach((part) => signal(part, 'SIGKILL')), 5000)
  await Promise.all(exits)
  clearTimeout(force)
  console.log('\nnpm start: stopped.')
  process.exit(code)
}

for (const part of parts) {
  part.child.once('exit', (code) => {
    if (stopping) return
    console.error(`\nnpm start: the ${part.name} exited (${code ?? 'signal'}); stopping the rest.`)
    void stop(code === 0 ? 1 : (code ?? 1))
  })
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

/** Resolves true once `url` answers 200, false after `ms` or when npm start is stopping. */
async function answers(url, ms) {
  const until = Date.now() + ms
  while (!stopping && Date.now() < until) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      if (response.ok) return true
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

// What runs, once it answers: the app is the dev server; the sandbox printed its own parties.
const checks = [
  ['the sandbox', `${originOf('control')}/__sandbox/settings`],
  ['the BFF', `${originOf('bff')}/healthz`],
  ['the app', `${originOf('appDev')}/`],
]
const up = await Promise.all(checks.map(([, url]) => answers(url, 60_000)))
if (!stopping) {
  const silent = checks.filter((_, index) => !up[index]).map(([name]) => name)
  console.log(
    silent.length > 0
      ? `\nnpm start: ${silent.join(', ')} did not answer within 60 s; still waiting.`
      : [
          '',
          'npm start: running',
          `  app (Vite dev server)  ${originOf('appDev')}  <- open this`,
          `  BFF                    ${originOf('bff')}  (/api/* through the app)`,
          '  sandbox, mode dev      the parties listed above',
          'Press Ctrl-C to stop all three.',
        ].join('\n'),
  )
}
