#!/usr/bin/env node
// `npm start`: the sandbox (identity provider, backend, vendor emulators, control API), the BFF
// (from source, configured for the sandbox) and the Vite dev server as one command. Ctrl-C (or
// SIGTERM) stops them all, whole process trees included.
import { spawn } from 'node:child_process'

// Each part leads its own process group, so stopping it reaches what npx and tsx start below it.
const parts = [
  ['sandbox', 'npx', ['tsx', 'sandbox/main.ts', '--mode', 'dev']],
  ['BFF', 'npx', ['tsx', 'scripts/run-bff.ts']],
  ['dev server', 'npx', ['vite', '--clearScreen', 'false']],
].map(([name, command, args]) => ({
  name,
  child: spawn(command, args, { stdio: 'inherit', detached: true }),
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
