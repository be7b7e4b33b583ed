// Bundle budget (docs/architecture.md §5: TanStack's size-limit habit), checked by `npm run build`:
// the scripts index.html loads before anything else (the entry and what it preloads) are what the
// callback page waits for before its login request, so they have a budget of their own.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * gzip bytes of the entry path (today about 6.1 KB: the callback entry, which must stay within 8 KB
 * before its login request) and of all JavaScript (about 132 KB).
 */
export interface Budget {
  readonly entryPathGzip: number
  readonly allJsGzip: number
}

export const BUDGET: Budget = { entryPathGzip: 8_000, allJsGzip: 150_000 }

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
