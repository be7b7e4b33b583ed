#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure (lint, types, unit, build with
// the library's API report and budgets, the packed package as a host sees it, journeys, and the
// journeys on the production shape). Journeys start what they need themselves (sandbox, BFF,
// vite preview, vite dev; nginx, two BFF instances, Redis and Prometheus for the topology).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// Debian's programs the checks run for real: the browser, and the production shape's servers.
const DEBIAN_PROGRAMS = {
  chromium: '/usr/bin/chromium',
  nginx: '/usr/sbin/nginx',
  'redis-server': '/usr/bin/redis-server',
  'redis-sentinel': '/usr/bin/redis-sentinel',
  prometheus: '/usr/bin/prometheus',
}

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['dependency rules', 'npm', ['run', 'deps', '--silent']],
  ['types', 'npx', ['tsc', '-p', 'tsconfig.app.json']],
  ['types (BFF, sandbox, scripts, journeys)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['types (BFF build)', 'npx', ['tsc', '-p', 'packages/bff/tsconfig.json', '--noEmit']],
  ['types (testing kit build)', 'npx', ['tsc', '-p', 'sandbox/tsconfig.build.json', '--noEmit']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', 'build', '--silent']],
  ['package', 'node', ['scripts/check-package.mjs']],
  ['host app (Acme CRM, from the packed tarballs)', 'node', ['scripts/host-app.mjs']],
  ['journeys', 'npx', ['playwright', 'test']],
  [
    "the host app's own journeys (Acme CRM, on the testing kit)",
    'npm',
    ['run', 'test:e2e', '--silent'],
    { cwd: 'examples/host-app' },
  ],
  [
    'journeys of a deployment with AssureSign only',
    'npx',
    ['playwright', 'test', '-c', 'playwright.partners.config.ts'],
  ],
  [
    'topology journeys (nginx, two BFF instances, Redis with Sentinel, Prometheus)',
    'npx',
    ['playwright', 'test', '-c', 'playwright.topology.config.ts'],
  ],
]

const missing = Object.entries(DEBIAN_PROGRAMS)
  .filter(([, path]) => !existsSync(path))
  .map(([name]) => name)
if (missing.length > 0) {
  console.error(
    `\nnpm test runs Debian's ${missing.join(', ')}, missing here.\n` +
      `Install with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
      '(.ci/run does this for CI.)',
  )
  process.exit(1)
}

for (const [name, command, args, options = {}] of steps) {
  const where = options.cwd === undefined ? '' : ` (in ${options.cwd})`
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}${where}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${name} (${seconds} s)`)
}
console.log('\nAll checks passed.')
