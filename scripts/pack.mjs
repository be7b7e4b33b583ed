#!/usr/bin/env node
// `npm run pack`: the package as a team installs it, in .pack/sso-bridge.tgz (a stable name to
// hand on or `npm install`). Builds first when lib/ or server/dist/ is missing or older than what
// it is built from. `--check-built` (the prepack hook, so a bare `npm pack` or `npm publish` too)
// only fails when they are, instead of packing a stale or empty build.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const TARBALL = join(ROOT, '.pack', 'sso-bridge.tgz')

/** What the tarball ships from the build. */
const OUTPUTS = [
  ...['core', 'callback', 'react'].flatMap((e) => [`lib/${e}.js`, `lib/${e}.d.ts`]),
  'server/dist/main.js',
]
/** What those are built from. */
const INPUTS = [
  'src',
  'server/src',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.app.json',
  'tsconfig.lib.json',
  'server/tsconfig.json',
  'vite.lib.config.ts',
  'scripts/build-lib.ts',
]

function filesUnder(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)))
}

/** Why the build is not fit to pack, or undefined when it is. */
export function staleBuild() {
  const missing = OUTPUTS.find((file) => !existsSync(join(ROOT, file)))
  if (missing !== undefined) return `${missing} is missing`
  const built = Math.min(...OUTPUTS.map((file) => statSync(join(ROOT, file)).mtimeMs))
  const newer = INPUTS.flatMap((input) => filesUnder(join(ROOT, input))).find(
    (file) => statSync(file).mtimeMs > built,
  )
  if (newer !== undefined) return `${relative(ROOT, newer)} changed after the last build`
  // tsc never deletes: a compiled file whose source is gone would ship.
  const orphan = filesUnder(join(ROOT, 'server/dist')).find((file) => {
    const source = relative(join(ROOT, 'server/dist'), file).replace(/\.js$/, '.ts')
    return !existsSync(join(ROOT, 'server/src', source))
  })
  if (orphan !== undefined) return `${relative(ROOT, orphan)} has no source any more`
  return undefined
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
  return result.stdout.toString()
}

/** Builds when needed, packs, prints what it made and returns what npm reports of it. */
export function pack() {
  const stale = staleBuild()
  if (stale !== undefined) {
    console.log(`pack: building first (${stale})`)
    rmSync(join(ROOT, 'server/dist'), { recursive: true, force: true })
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  mkdirSync(join(ROOT, '.pack'), { recursive: true })
  rmSync(TARBALL, { force: true })
  const out = run('npm', ['pack', '--json', '--silent', '--pack-destination', '.pack'])
  const [info] = JSON.parse(out)
  renameSync(join(ROOT, '.pack', info.filename), TARBALL)
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`
  console.log(
    `pack: ${relative(ROOT, TARBALL)}: ${kb(info.size)} (${kb(info.unpackedSize)} unpacked), ` +
      `${info.entryCount} files`,
  )
  return info
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // npm runs the prepack hook before `npm run pack` too; that script builds first, so only a bare
  // `npm pack` or `npm publish` (npm_command "pack" or "publish", not "run") is held to a fresh build here.
  const runScript = ['run', 'run-script'].includes(process.env['npm_command'] ?? '')
  if (process.argv.includes('--check-built')) {
    const stale = runScript ? undefined : staleBuild()
    if (stale !== undefined) {
      console.error(
        `The package would ship a stale build: ${stale}.\n` +
          'Run `npm run pack` (it builds first), or `npm run build` and then pack.',
      )
      process.exit(1)
    }
  } else {
    pack()
  }
}
