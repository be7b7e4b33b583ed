#!/usr/bin/env node
// `npm start`: the sandbox (identity provider, backend, gateway, vendor emulators) and the Vite
// dev server as one command. Ctrl-C stops both.
import { spawn } from 'node:child_process'

const children = [
  spawn('npx', ['tsx', 'sandbox/main.ts', '--mode', 'dev'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--clearScreen', 'false'], {
    stdio: 'inherit',
  }),
]

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  }, 5000)
  force.unref()
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  ).then(() => process.exit(code))
}

for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`\nA part of npm start exited (code ${code ?? 'signal'}); stopping the rest.`)
      stop(code === 0 ? 1 : (code ?? 1))
    }
  })
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
