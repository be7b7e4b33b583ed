#!/usr/bin/env node
// Builds examples/host-app ("Acme Portal") the way a product team gets sso-bridge: from the
// packed tarball, installed by npm into the app's own node_modules, never from ../../packages.
//   1. `npm run pack` at the root writes .pack/sso-bridge.tgz (and the BFF's, which the host
//      never installs).
//   2. examples/host-app installs its dependencies, sso-bridge among them
//      ("sso-bridge": "file:../../.pack/sso-bridge.tgz"), with --engine-strict; `npm ls
//      --omit=dev` there must list no server package.
//   3. `npm run build` there (tsc --noEmit && vite build).
// `npm test` runs this after `build` and before the journeys, which serve the result.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TARBALL } from './pack.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HOST_APP = join(ROOT, 'examples', 'host-app')
/** The package entries a host may import; anything else of sso-bridge is internal. */
const PUBLIC_ENTRIES = new Set(['sso-bridge/core', 'sso-bridge/callback', 'sso-bridge/react'])

function fail(message) {
  console.error(`host-app: ${message}`)
  process.exit(1)
}

function run(command, args, cwd) {
  console.log(`host-app: ${relative(ROOT, cwd) || '.'}$ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' })
  if (result.status !== 0)
    fail(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`)
}

/** 1. The tarball, as `npm publish` would upload it (scripts/pack.mjs builds first if needed). */
function pack() {
  rmSync(TARBALL, { force: true })
  run('npm', ['run', 'pack', '--silent'], ROOT)
  if (!existsSync(TARBALL)) fail(`npm run pack wrote no ${relative(ROOT, TARBALL)}`)
}

/** Every import specifier of the host's own source. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const specifiers = []
  for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    specifiers.push(match[1])
  }
  return specifiers
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [path] : []
  })
}

/** The host reaches sso-bridge through its public entries only, never through the repository. */
function checkImports() {
  const problems = []
  for (const file of [...sourceFiles(join(HOST_APP, 'src')), join(HOST_APP, 'vite.config.ts')]) {
    for (const specifier of importsOf(file)) {
      const where = relative(ROOT, file)
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier)
        if (relative(HOST_APP, target).startsWith('..')) {
          problems.push(`${where} imports ${specifier}, outside examples/host-app`)
        }
      } else if (specifier.startsWith('/')) {
        problems.push(`${where} imports the absolute path ${specifier}`)
      } else if (specifier.startsWith('sso-bridge') && !PUBLIC_ENTRIES.has(specifier)) {
        problems.push(`${where} imports ${specifier}, not a public entry of sso-bridge`)
      }
    }
  }
  if (problems.length > 0) fail(`\n  ${problems.join('\n  ')}`)
}

/**
 * 2. Install as a team does from a registry. No lock file is committed for the example and none
 * is written (--no-package-lock): a lock would pin the tarball's integrity, so `npm ci` in a clean
 * clone would refuse every freshly packed tarball (EINTEGRITY), and `npm install` keeps an
 * installed sso-bridge whose version did not change. The app pins its direct dependencies
 * exactly instead, and the installed sso-bridge is removed first so the tarball just packed is
 * always the one unpacked. --prefer-offline reuses npm's cache (the root's install filled it
 * with the same versions), so the registry is asked only for what the cache lacks.
 */
function install() {
  rmSync(join(HOST_APP, 'node_modules', 'sso-bridge'), { recursive: true, force: true })
  rmSync(join(HOST_APP, 'node_modules', '.package-lock.json'), { force: true })
  rmSync(join(HOST_APP, 'package-lock.json'), { force: true })
  // --engine-strict: a package whose `engines` leave out this Node (20) fails the install.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      '--engine-strict',
    ],
    HOST_APP,
  )
  const installed = join(HOST_APP, 'node_modules', 'sso-bridge')
  if (!existsSync(installed) || lstatSync(installed).isSymbolicLink()) {
    fail('sso-bridge is not unpacked into examples/host-app/node_modules from the tarball')
  }
}

/** Packages only a server runs: a browser package that pulls one in makes every host install it. */
const SERVER_ONLY = /^(fastify|ioredis|jose|pino|@fastify\/.*)$/

/**
 * What the host runs in production (`npm ls --omit=dev`): no server package, and (with the
 * install's --engine-strict) none that wants a newer Node than this one.
 */
function checkProductionDependencies() {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: HOST_APP,
    encoding: 'utf8',
  })
  if (listed.status !== 0) fail(`npm ls --omit=dev failed:\n${listed.stdout}${listed.stderr}`)
  const names = listed.stdout
    .split('\n')
    .filter((path) => path.includes('node_modules'))
    .map((path) => JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).name)
  const server = [...new Set(names.filter((name) => SERVER_ONLY.test(name)))]
  if (server.length > 0) {
    fail(`the host's production dependencies include server packages: ${server.join(', ')}`)
  }
  console.log(
    `host-app: npm ls --omit=dev lists ${names.length} packages, none of them a server package`,
  )
}

checkImports()
pack()
install()
checkProductionDependencies()
// 3. The team's own build.
run('npm', ['run', 'build', '--silent'], HOST_APP)
// The same secret scan and budgets as our own build: the callback entry within 8 KB on a host too.
run('npx', ['tsx', 'scripts/check-dist.ts', relative(ROOT, join(HOST_APP, 'dist'))], ROOT)
console.log(
  `host-app: built ${relative(ROOT, join(HOST_APP, 'dist'))}/ from ${relative(ROOT, TARBALL)}`,
)
