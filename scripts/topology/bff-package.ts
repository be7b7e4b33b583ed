// The BFF as an operator installs it: the packed tarball of sso-bridge-bff (`npm run pack`, which
// builds first when the build is stale), installed with its production dependencies only into
// .pack/bff-install/, and run through the package's own `sso-bridge-bff` bin. The install is kept
// until the tarball changes (its hash is stamped beside it).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BFF_TARBALL } from '../pack.mjs'

const INSTALL_DIR = resolve('.pack', 'bff-install')
const STAMP = join(INSTALL_DIR, 'tarball.sha256')

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${String(result.stdout)}${String(result.stderr)}`,
    )
  }
}

/** The installed package's bin (packs and installs first when needed). */
export function installedBffBin(): string {
  run(process.execPath, ['scripts/pack.mjs'], resolve('.'))
  const hash = createHash('sha256').update(readFileSync(BFF_TARBALL)).digest('hex')
  const bin = join(INSTALL_DIR, 'node_modules', '.bin', 'sso-bridge-bff')
  if (existsSync(bin) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return bin
  rmSync(INSTALL_DIR, { recursive: true, force: true })
  mkdirSync(INSTALL_DIR, { recursive: true })
  writeFileSync(join(INSTALL_DIR, 'package.json'), '{ "private": true }\n')
  run(
    'npm',
    [
      'install',
      '--omit=dev',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      BFF_TARBALL,
    ],
    INSTALL_DIR,
  )
  if (!existsSync(bin)) throw new Error(`the sso-bridge-bff package installed no bin at ${bin}`)
  writeFileSync(STAMP, hash)
  return bin
}
