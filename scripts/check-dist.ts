// Build-time secret scan (docs/architecture.md §3 "Runtime config"): fails when something that
// looks like a vendor credential, a private key, or a credential header name ends up in the browser
// bundle.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sandboxSecretValues } from '../sandbox/secrets.ts'
import { BUDGET, measureBundle, overBudget } from './bundle-budget.ts'

export interface Finding {
  readonly file: string
  readonly what: string
}

/** Names and shapes that never belong in the browser: the BFF adds these, not the app. */
const PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['a PEM private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a private JWK ("d" member)', /"d"\s*:\s*"[A-Za-z0-9_-]{40,}"/],
  ['an OAuth client secret', /client_secret/i],
  ['the AssureSign API user credential', /apiUsername/],
  ['the AssureSign legacy session header', /X-AS-UserSessionToken/i],
  ['the Aimbase API token header', /["']ApiToken["']/],
  ['the Aimbase Avala-Api scheme', /Avala-Api/],
  ['the ABC client id header', /x-lob-client-id/i],
  ['a bearer token literal', /Bearer\s+[A-Za-z0-9._~+/-]{20,}/],
]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Scans every file under `dir`; returns one finding per file and kind of secret. */
export function scanForSecrets(
  dir: string,
  literals: readonly string[] = sandboxSecretValues(),
): Finding[] {
  const findings: Finding[] = []
  for (const path of filesUnder(dir)) {
    const text = readFileSync(path, 'utf8')
    const file = relative(dir, path)
    for (const [what, pattern] of PATTERNS) if (pattern.test(text)) findings.push({ file, what })
    for (const literal of literals) {
      if (text.includes(literal)) findings.push({ file, what: 'a sandbox credential value' })
    }
  }
  return findings
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Our app's build by default; `tsx scripts/check-dist.ts examples/host-app/dist` checks a host's.
  const dir = process.argv[2] ?? 'dist'
  const files = filesUnder(dir)
  const findings = scanForSecrets(dir)
  if (findings.length > 0) {
    console.error(`${dir}/ contains what looks like a secret; the browser bundle must hold none:`)
    for (const f of findings) console.error(`  ${f.file}: ${f.what}`)
    process.exit(1)
  }
  console.log(`secret scan: ${dir}/ is clean (${files.length} files)`)
  const sizes = measureBundle(
    dir,
    files.filter((f) => f.endsWith('.js')),
  )
  const over = overBudget(sizes)
  console.log(
    `bundle budget: entry path ${sizes.entryPathGzip} / ${BUDGET.entryPathGzip} B gzip, ` +
      `signed-in path ${sizes.signedInPathGzip} / ${BUDGET.signedInPathGzip} B gzip ` +
      `(${sizes.signedInPath.length} files), all JavaScript ${sizes.allJsGzip} / ${BUDGET.allJsGzip} B gzip`,
  )
  if (over.length > 0) {
    console.error(`over the bundle budget (scripts/bundle-budget.ts):\n  ${over.join('\n  ')}`)
    process.exit(1)
  }
}
