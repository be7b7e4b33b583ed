// The library build (`npm run build:lib`): the package's three public entries as ES modules in
// lib/, next to the app build in dist/. Declarations come from tsconfig.lib.json and API Extractor
// (scripts/build-lib.ts); sizes are checked by scripts/check-lib.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ChunkingContext } from 'rolldown'
import { defineConfig } from 'vite'
import { importsOf } from './scripts/chunk-groups.ts'

export const LIB_ENTRIES = ['core', 'callback', 'react'] as const

interface PackageJson {
  readonly name: string
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

const pkg = JSON.parse(
  readFileSync(new URL('./packages/sso-bridge/package.json', import.meta.url), 'utf8'),
) as PackageJson

/** What a host installs next to us: imported by name at run time, never copied into lib/. */
export const EXTERNAL_PACKAGES = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]

/** The package a bare specifier names: `react/jsx-runtime` → react, `@scope/a/b` → @scope/a. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

const isBare = (id: string) =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id)

/**
 * Every dependency and peer dependency (with its subpaths, like `react/jsx-runtime` or
 * `zod/mini`) stays external. Any other package would be bundled into lib/ silently, or left as an
 * import a host cannot resolve, so it stops the build instead.
 */
export function isExternal(id: string, importer?: string): boolean {
  if (!isBare(id)) return false
  if (EXTERNAL_PACKAGES.includes(packageOf(id))) return true
  if (packageOf(id) === pkg.name) {
    throw new Error(
      `${importer ?? 'the library'} imports "${id}" by name: inside the library, import the ` +
        'file by its relative path (only src/app uses the public entries by name)',
    )
  }
  throw new Error(
    `${importer ?? 'the library'} imports "${id}", which is neither a dependency nor a peer ` +
      'dependency in package.json: add it to one of them, or keep it out of the library',
  )
}

const src = (path: string) =>
  fileURLToPath(new URL(`./packages/sso-bridge/src/${path}`, import.meta.url))

/** `callback` for every module the callback entry imports (the entry itself stays its own). */
function callbackChunk(): (id: string, ctx: ChunkingContext) => string | null {
  const entry = src('callback.ts')
  let callbackSide: Set<string> | undefined
  return (id, ctx) => {
    if (id === entry) return null
    callbackSide ??= importsOf(entry, ctx)
    return callbackSide.has(id) ? 'callback' : null
  }
}

export default defineConfig({
  // The library has no public folder, no index.html and no CSS of its own.
  publicDir: false,
  build: {
    outDir: 'packages/sso-bridge/lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Readable modules: the host's bundler minifies, and stack traces stay legible.
    minify: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: Object.fromEntries(LIB_ENTRIES.map((entry) => [entry, src(`${entry}.ts`)])),
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id, importer) => isExternal(id, importer),
      output: {
        // Modules two entries share go into chunks/, so `callback` never loads the React code.
        chunkFileNames: 'chunks/[name]-[hash].js',
        // What `callback` imports is one chunk: a host's bundler then keeps it in one chunk of
        // its own too, whichever of its lazy chunks also use a part of it, so the callback page
        // loads two files before its login request, not a scatter of small shared pieces.
        codeSplitting: { groups: [{ name: callbackChunk() }] },
        // The doc comments ship in the .d.ts files; pure annotations stay for tree-shaking.
        comments: { legal: true, annotation: true, jsdoc: false },
      },
    },
  },
})
