#!/usr/bin/env node
// `npm run pack`: the three packages as a team and an operator install them, in .pack/ under
// stable names to hand on or `npm install`: .pack/sso-bridge.tgz (the browser package),
// .pack/sso-bridge-bff.tgz (the BFF) and .pack/sso-bridge-sandbox.tgz (the testing kit, with
// docs/testing-your-app.md copied into it). Builds first when a package's build is missing or older than
// what it is built from. `--check-built <package>` (each package's prepack hook, so a bare
// `npm pack` or `npm publish` in its folder too) only fails when it is, instead of packing a stale
// or empty build.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PACK_DIR = join(ROOT, '.pack')

/** Built from by both packages: the contract, the lock and the shared compiler settings. */
const SHARED_INPUTS = ['packages/contract/src', 'package-lock.json', 'tsconfig.base.json']

/** The kit's public entries (sandbox/package.json `exports`). */
const KIT_ENTRIES = ['start', 'main', 'users', 'playwright', 'vite']

/**
 * Each published package: its folder, what its tarball ships from the build, its sources (minus
 * `skip`), where tsc writes (`compiledDir`, whose files mirror `sourceRoot`), and files copied in
 * before packing (`copies`: [from, to]).
 */
export const PACKAGES = {
  'sso-bridge': {
    dir: 'packages/sso-bridge',
    outputs: ['core', 'callback', 'react'].flatMap((e) => [
      `packages/sso-bridge/lib/${e}.js`,
      `packages/sso-bridge/lib/${e}.d.ts`,
    ]),
    inputs: [
      'packages/sso-bridge/src',
      'packages/sso-bridge/package.json',
      'tsconfig.app.json',
      'tsconfig.lib.json',
      'vite.lib.config.ts',
      'scripts/build-lib.ts',
    ],
    /** Compiled output whose source may be gone (tsc never deletes): none, vite empties lib/. */
    compiledDir: undefined,
    // The guides a host reads travel in the package (they link to each other by these names).
    copies: ['embedding', 'testing-your-app', 'configuration', 'backend-contract'].map((page) => [
      `docs/${page}.md`,
      `packages/sso-bridge/docs/${page}.md`,
    ]),
  },
  'sso-bridge-bff': {
    dir: 'packages/bff',
    outputs: ['packages/bff/dist/bff/src/main.js'],
    inputs: ['packages/bff/src', 'packages/bff/package.json', 'packages/bff/tsconfig.json'],
    compiledDir: 'packages/bff/dist',
    sourceRoot: 'packages',
    copies: [],
  },
  'sso-bridge-sandbox': {
    dir: 'sandbox',
    outputs: KIT_ENTRIES.flatMap((e) => [
      `sandbox/dist/sandbox/${e}.js`,
      `sandbox/dist/sandbox/${e}.d.ts`,
    ]),
    inputs: ['sandbox'],
    skip: ['sandbox/dist', 'sandbox/docs'],
    compiledDir: 'sandbox/dist',
    sourceRoot: '.',
    copies: [['docs/testing-your-app.md', 'sandbox/docs/testing-your-app.md']],
  },
}

/** Where `npm run pack` leaves a package's tarball. */
export const tarballOf = (name) => join(PACK_DIR, `${name}.tgz`)
/** The browser package's tarball (examples/host-app installs it). */
export const TARBALL = tarballOf('sso-bridge')
/** The BFF's tarball (the topology journeys run it). */
export const BFF_TARBALL = tarballOf('sso-bridge-bff')
/** The testing kit's tarball. */
export const KIT_TARBALL = tarballOf('sso-bridge-sandbox')

function filesUnder(path, skip = []) {
  if (!existsSync(path) || skip.some((dir) => join(ROOT, dir) === path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name), skip))
}

/** Copies into package `name` what it ships from elsewhere in the repository. */
function copyIn(name) {
  for (const [from, to] of PACKAGES[name].copies) {
    mkdirSync(join(ROOT, to, '..'), { recursive: true })
    copyFileSync(join(ROOT, from), join(ROOT, to))
  }
}

/** Why package `name`'s build is not fit to pack, or undefined when it is. */
export function staleBuild(name) {
  const { outputs, inputs, skip = [], compiledDir, sourceRoot } = PACKAGES[name]
  const missing = outputs.find((file) => !existsSync(join(ROOT, file)))
  if (missing !== undefined) return `${missing} is missing`
  const built = Math.min(...outputs.map((file) => statSync(join(ROOT, file)).mtimeMs))
  const newer = [...SHARED_INPUTS, ...inputs]
    .flatMap((input) => filesUnder(join(ROOT, input), skip))
    .find((file) => statSync(file).mtimeMs > built)
  if (newer !== undefined) return `${relative(ROOT, newer)} changed after the last build`
  if (compiledDir === undefined) return undefined
  // tsc never deletes: a compiled file whose source is gone would ship. <compiledDir>/x.js and
  // x.d.ts come from <sourceRoot>/x.ts (tsc's rootDir).
  const orphan = filesUnder(join(ROOT, compiledDir)).find((file) => {
    const source = relative(join(ROOT, compiledDir), file).replace(/(\.d\.ts|\.js)$/, '.ts')
    return !existsSync(join(ROOT, sourceRoot, source))
  })
  if (orphan !== undefined) return `${relative(ROOT, orphan)} has no source any more`
  return undefined
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
  return result.stdout.toString()
}

/** Builds when any package needs it (one `npm run build` builds them all). */
function buildIfStale() {
  const stale = Object.keys(PACKAGES)
    .map((name) => [name, staleBuild(name)])
    .filter(([, why]) => why !== undefined)
  if (stale.length === 0) return
  console.log(`pack: building first (${stale.map(([name, why]) => `${name}: ${why}`).join('; ')})`)
  for (const { compiledDir } of Object.values(PACKAGES)) {
    if (compiledDir !== undefined) rmSync(join(ROOT, compiledDir), { recursive: true, force: true })
  }
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

/** Builds when needed, packs every package, prints what it made; returns npm's report of each. */
export function pack() {
  buildIfStale()
  mkdirSync(PACK_DIR, { recursive: true })
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`
  return Object.fromEntries(
    Object.entries(PACKAGES).map(([name, { dir }]) => {
      const tarball = tarballOf(name)
      rmSync(tarball, { force: true })
      copyIn(name)
      const out = run(
        'npm',
        ['pack', '--json', '--silent', '--pack-destination', PACK_DIR],
        join(ROOT, dir),
      )
      const [info] = JSON.parse(out)
      renameSync(join(PACK_DIR, info.filename), tarball)
      console.log(
        `pack: ${relative(ROOT, tarball)}: ${kb(info.size)} (${kb(info.unpackedSize)} unpacked), ` +
          `${info.entryCount} files`,
      )
      return [name, info]
    }),
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // npm runs the prepack hook when `npm run pack` packs too; that script builds first, so only a
  // bare `npm pack` or `npm publish` in a package's folder is held to a fresh build here (npm
  // gives the child `npm pack` of this script npm_command "pack" as well: its build is fresh).
  const checked = process.argv.indexOf('--check-built')
  if (checked !== -1) {
    const name = process.argv[checked + 1] ?? ''
    if (!(name in PACKAGES)) {
      console.error(`pack: --check-built takes a package name: ${Object.keys(PACKAGES).join(', ')}`)
      process.exit(2)
    }
    copyIn(name)
    const stale = staleBuild(name)
    if (stale !== undefined) {
      console.error(
        `${name} would ship a stale build: ${stale}.\n` +
          'Run `npm run pack` at the repository root (it builds first), or `npm run build` and then pack.',
      )
      process.exit(1)
    }
  } else {
    pack()
  }
}
