#!/usr/bin/env node
// Builds examples/host-app ("Acme CRM") the way a product team gets sso-bridge: from the packed
// tarballs, installed by npm into the app's own node_modules, never from ../../packages.
//   1. `npm run pack` at the root writes .pack/sso-bridge.tgz, and the testing kit's and the
//      BFF's, which the host installs as devDependencies (its journeys run on them).
//   2. examples/host-app installs its dependencies, sso-bridge among them
//      ("sso-bridge": "file:../../.pack/sso-bridge.tgz"); `npm ls --omit=dev` there must list
//      no server package, and none whose `engines` leave out this Node.
//   3. `npm run build` there (tsc --noEmit && vite build).
// `npm test` runs this after `build`; its journeys (`npm run test:e2e` there) serve the result.
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { BFF_TARBALL, KIT_TARBALL, TARBALL } from './pack.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HOST_APP = join(ROOT, 'examples', 'host-app')
/** The package entries a host may import; anything else of sso-bridge is internal. */
const PUBLIC_ENTRIES = new Set([
  'sso-bridge/core',
  'sso-bridge/callback',
  'sso-bridge/react',
  'sso-bridge-sandbox',
  'sso-bridge-sandbox/playwright',
  'sso-bridge-sandbox/users',
  'sso-bridge-sandbox/vite',
])

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
  const tarballs = [TARBALL, KIT_TARBALL, BFF_TARBALL]
  for (const tarball of tarballs) rmSync(tarball, { force: true })
  run('npm', ['run', 'pack', '--silent'], ROOT)
  for (const tarball of tarballs) {
    if (!existsSync(tarball)) fail(`npm run pack wrote no ${relative(ROOT, tarball)}`)
  }
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
  const files = [
    ...sourceFiles(join(HOST_APP, 'src')),
    ...sourceFiles(join(HOST_APP, 'e2e')),
    join(HOST_APP, 'vite.config.ts'),
    join(HOST_APP, 'playwright.config.ts'),
  ]
  for (const file of files) {
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
  for (const name of ['sso-bridge', 'sso-bridge-sandbox', 'sso-bridge-bff']) {
    rmSync(join(HOST_APP, 'node_modules', name), { recursive: true, force: true })
  }
  rmSync(join(HOST_APP, 'node_modules', '.package-lock.json'), { force: true })
  rmSync(join(HOST_APP, 'package-lock.json'), { force: true })
  // Not --engine-strict: it judges the dev tree too, and the BFF the kit runs pulls in cookie 2,
  // which declares Node 22 but runs on 20 (our own BFF does, in every journey). What the host
  // ships is held to this Node below (checkProductionDependencies).
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'],
    HOST_APP,
  )
  const installed = join(HOST_APP, 'node_modules', 'sso-bridge')
  if (!existsSync(installed) || lstatSync(installed).isSymbolicLink()) {
    fail('sso-bridge is not unpacked into examples/host-app/node_modules from the tarball')
  }
}

/** Packages only a server runs: a browser package that pulls one in makes every host install it. */
const SERVER_ONLY = /^(fastify|ioredis|jose|pino|@fastify\/.*)$/

/** `name@version` of every package under `paths` whose `engines.node` leaves out this Node. */
function newerNodeThanThis(paths) {
  return paths.flatMap((path) => {
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
    const range = manifest.engines?.node
    if (typeof range !== 'string' || semver.satisfies(process.version, range)) return []
    return [`${manifest.name}@${manifest.version} (node ${range})`]
  })
}

/** The installed package folders `npm ls` lists, production ones only when `omitDev`. */
function installed(omitDev) {
  const listed = spawnSync(
    'npm',
    ['ls', ...(omitDev ? ['--omit=dev'] : []), '--all', '--parseable'],
    { cwd: HOST_APP, encoding: 'utf8' },
  )
  if (listed.status !== 0) fail(`npm ls failed:\n${listed.stdout}${listed.stderr}`)
  return [...new Set(listed.stdout.split('\n').filter((path) => path.includes('node_modules')))]
}

/**
 * What the host runs in production (`npm ls --omit=dev`): no server package, and none that wants
 * a newer Node than this one. Its dev tree (the testing kit) is only reported.
 */
function checkProductionDependencies() {
  const production = installed(true)
  const tooNew = newerNodeThanThis(production)
  if (tooNew.length > 0) {
    fail(
      `the host's production dependencies want a newer Node than ${process.version}: ${tooNew.join(', ')}`,
    )
  }
  const devOnly = newerNodeThanThis(installed(false).filter((path) => !production.includes(path)))
  if (devOnly.length > 0) {
    console.log(
      `host-app: dev dependencies declaring a newer Node (they run here): ${devOnly.join(', ')}`,
    )
  }
  const names = production.map(
    (path) => JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).name,
  )
  const server = [...new Set(names.filter((name) => SERVER_ONLY.test(name)))]
  if (server.length > 0) {
    fail(`the host's production dependencies include server packages: ${server.join(', ')}`)
  }
  console.log(
    `host-app: npm ls --omit=dev lists ${names.length} packages, none of them a server package or one for a newer Node`,
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
