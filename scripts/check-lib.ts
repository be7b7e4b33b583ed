// Checks of the library build in lib/ (the end of `npm run build:lib`): every entry has its module
// and its declarations, nothing in it refers to a file that does not ship, the React-free entries
// load no React, no secret is in it (the same scan as dist/), and every entry is within its size
// budget (scripts/bundle-budget.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LIB_ENTRIES } from '../vite.lib.config.ts'
import { LIB_BUDGET, libOverBudget, measureLibEntry, type LibEntrySize } from './bundle-budget.ts'
import { scanForSecrets } from './check-dist.ts'

/** Entries a host loads before, or without, React (docs/decisions/001-callback-before-react.md). */
const REACT_FREE: readonly string[] = ['core', 'callback']
const REACT_PACKAGES = /^(react|react-dom|react-router|react-router-dom|@tanstack\/[^/]+)(\/|$)/

/** What is wrong with the entries' sizes and imports; empty when nothing is. */
export function entryProblems(sizes: readonly LibEntrySize[]): string[] {
  return sizes.flatMap((size) =>
    REACT_FREE.includes(size.entry)
      ? size.packages
          .filter((specifier) => REACT_PACKAGES.test(specifier))
          .map((specifier) => `${size.entry} loads "${specifier}" (${size.files.join(', ')})`)
      : [],
  )
}

/** Declaration files that import a relative path: a rolled-up .d.ts must stand alone. */
export function looseDeclarations(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.d.ts'))
    .filter((name) =>
      /(?:from\s+|import\s*\(\s*)["']\.\.?\//.test(readFileSync(join(dir, name), 'utf8')),
    )
}

const bytes = (n: number) => n.toLocaleString('en-US')
const files = (n: number) => (n === 1 ? '1 file' : `${n} files`)

/** Runs every check on `dir`, printing what it finds; false when one failed. */
export function checkLib(dir: string): boolean {
  const problems: string[] = []
  for (const entry of LIB_ENTRIES) {
    for (const file of [`${entry}.js`, `${entry}.d.ts`]) {
      if (!existsSync(join(dir, file))) problems.push(`${dir}/${file} is missing`)
    }
  }
  if (problems.length > 0) return report(problems)
  const css = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.css'),
  )
  problems.push(...css.map((f) => `${dir}/${f}: the library ships no CSS (sideEffects: false)`))
  problems.push(...looseDeclarations(dir).map((f) => `${dir}/${f} imports a file of its own`))
  problems.push(...scanForSecrets(dir).map((f) => `${dir}/${f.file}: ${f.what}`))

  const sizes = LIB_ENTRIES.map((entry) => measureLibEntry(dir, entry))
  problems.push(...entryProblems(sizes))
  for (const size of sizes) {
    console.log(
      `lib budget: ${size.entry} ${bytes(size.gzip)} / ${bytes(LIB_BUDGET[size.entry] ?? 0)} B gzip ` +
        `(minified; ${bytes(size.shippedGzip)} B as shipped, ${files(size.files.length)})`,
    )
  }
  problems.push(...libOverBudget(sizes).map((l) => `over budget (scripts/bundle-budget.ts): ${l}`))
  return report(problems)
}

function report(problems: readonly string[]): boolean {
  if (problems.length === 0) return true
  console.error(`lib/ failed its checks (scripts/check-lib.ts):\n  ${problems.join('\n  ')}`)
  return false
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(checkLib('packages/sso-bridge/lib') ? 0 : 1)
}
