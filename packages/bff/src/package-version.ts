// The version of the sso-bridge-bff package that runs: read from its package.json, the nearest
// one above this file (src/ in the repository, dist/bff/src/ where the package is installed).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function packageVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown }
      if (json.name === 'sso-bridge-bff' && typeof json.version === 'string') return json.version
    }
    if (dirname(dir) === dir) return 'unknown'
  }
}
