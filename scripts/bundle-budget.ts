// Bundle budget (docs/architecture.md §5: TanStack's size-limit habit), checked by `npm run build`:
// the scripts index.html loads before anything else (the entry and what it preloads) are what the
// callback page waits for before its login request, so they have a budget of their own.
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { minifySync, parseSync } from 'vite'

/**
 * gzip bytes of the entry path (today about 6.1 KB: the callback entry, which must stay within 8 KB
 * before its login request) and of all JavaScript (about 154 KB since 0.4.0 brought the message
 * catalogs, English and Hindi, and Lingui to format them).
 */
export interface Budget {
  readonly entryPathGzip: number
  readonly allJsGzip: number
}

export const BUDGET: Budget = { entryPathGzip: 8_000, allJsGzip: 165_000 }

export interface BundleSizes {
  readonly entryPath: readonly { readonly file: string; readonly gzip: number }[]
  readonly entryPathGzip: number
  readonly allJsGzip: number
}

const gzipSize = (path: string) => gzipSync(readFileSync(path)).length

/** Sizes of the scripts `index.html` loads up front, and of every .js file under assets/. */
export function measureBundle(dir: string, allJs: readonly string[]): BundleSizes {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const upFront = [
    ...html.matchAll(/<script[^>]+type="module"[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]*\shref="([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '')
  const entryPath = upFront.map((file) => ({ file, gzip: gzipSize(join(dir, file)) }))
  return {
    entryPath,
    entryPathGzip: entryPath.reduce((sum, f) => sum + f.gzip, 0),
    allJsGzip: allJs.reduce((sum, path) => sum + gzipSize(path), 0),
  }
}

/** Lines describing what is over budget; empty when within it. */
export function overBudget(sizes: BundleSizes, budget: Budget = BUDGET): string[] {
  const over: string[] = []
  if (sizes.entryPathGzip > budget.entryPathGzip) {
    over.push(`entry path ${sizes.entryPathGzip} B gzip > budget ${budget.entryPathGzip} B`)
  }
  if (sizes.allJsGzip > budget.allJsGzip) {
    over.push(`all JavaScript ${sizes.allJsGzip} B gzip > budget ${budget.allJsGzip} B`)
  }
  return over
}

// The library (lib/, `npm run build:lib`): each public entry costs a host its own file plus every
// chunk it imports statically, transitively (a chunk shared with another entry counts in full for
// each). The packages it imports by name are the host's and count for none. Sizes are of each file
// minified as a host's bundler would and gzipped; lib/ itself ships readable.

/**
 * gzip bytes per entry. callback's is a hard limit: the callback page loads it before the login
 * request (docs/decisions/001-callback-before-react.md). core's and react's were about 20% above
 * the entries as first filled in (10,858 and 13,525 B); raise them on purpose, not by habit. Raised
 * once, in 0.3.0, for branding (config schema, titles, support contact) and the per-code way
 * forward of every error view (core 12,872 B, react 16,506 B when raised). react's raised again in
 * 0.4.0 for createSso (one set of paths, checked at start-up), the loader guard and the session's
 * ordering against sign-ins (18,746 B when raised); again in 0.4.0 for signing out at the identity
 * provider (the end-session URL, its single-use state, the signed-out words), the error views'
 * details for support, their calm notices, the kept sign-in email and the words of the BFF's own
 * hand-off refusals (20,126 B when raised). Both raised again in 0.4.0 for the message catalogs
 * (every view's words in English and Hindi, in the core so describeError speaks either) and
 * Lingui's formatting (core 20,516 B, react 28,674 B when raised); loading a language's catalog
 * only when it is shown is the next saving.
 */
export const LIB_BUDGET: Readonly<Record<string, number>> = {
  core: 23_000,
  callback: 8_000,
  react: 31_500,
}

export interface LibEntrySize {
  readonly entry: string
  /** The entry's file and the chunks it loads up front, relative to the lib folder. */
  readonly files: readonly string[]
  /** The packages those files import by name (the host's to provide). */
  readonly packages: readonly string[]
  /** gzip bytes once minified: what the budget limits. */
  readonly gzip: number
  /** gzip bytes as shipped. */
  readonly shippedGzip: number
}

/** The specifiers `code` imports or re-exports statically; `import()` is loaded later, if ever. */
export function staticImportsOf(file: string, code: string): string[] {
  const { module, errors } = parseSync(file, code)
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message ?? ''}`)
  return [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.map((x) => x.moduleRequest?.value ?? '')),
  ].filter((specifier, index, all) => specifier !== '' && all.indexOf(specifier) === index)
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../')

function minifiedGzip(file: string, code: string): number {
  const result = minifySync(file, code, { module: true, compress: true, mangle: true })
  if (result.errors.length > 0) throw new Error(`${file} does not minify`)
  return gzipSync(result.code).length
}

/** `entry.js` under `dir` and what it loads up front, with their sizes. */
export function measureLibEntry(dir: string, entry: string): LibEntrySize {
  const files: string[] = []
  const packages = new Set<string>()
  let gzip = 0
  let shippedGzip = 0
  const visit = (file: string) => {
    if (files.includes(file)) return
    files.push(file)
    const code = readFileSync(join(dir, file), 'utf8')
    gzip += minifiedGzip(file, code)
    shippedGzip += gzipSync(code).length
    for (const specifier of staticImportsOf(file, code)) {
      if (isRelative(specifier)) visit(posix.join(posix.dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(`${entry}.js`)
  return { entry, files, packages: [...packages].sort(), gzip, shippedGzip }
}

/** Lines describing which entries are over budget; empty when all are within it. */
export function libOverBudget(
  sizes: readonly LibEntrySize[],
  budget: Readonly<Record<string, number>> = LIB_BUDGET,
): string[] {
  return sizes.flatMap((size) => {
    const limit = budget[size.entry]
    if (limit === undefined) return [`${size.entry} has no budget in LIB_BUDGET`]
    return size.gzip > limit ? [`${size.entry} ${size.gzip} B gzip > budget ${limit} B`] : []
  })
}
