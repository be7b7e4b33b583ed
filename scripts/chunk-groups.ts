// What the builds' chunk groups are made of (vite.config.ts for the app, vite.lib.config.ts for
// the library): the modules an entry reaches through static imports.
import type { ChunkingContext } from 'rolldown'

/** Every module `from` imports, statically and transitively, itself included. */
export function importsOf(from: string, ctx: ChunkingContext): Set<string> {
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) visit(next)
  }
  visit(from)
  return seen
}
