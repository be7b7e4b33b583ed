/// <reference types="vitest/config" />
import { statSync } from 'node:fs'
import { posix, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { ChunkingContext } from 'rolldown'
import { importsOf } from './scripts/chunk-groups.ts'
import { defineConfig, type Plugin } from 'vite'
import { partnersLeftOut, withSandboxPartners } from './sandbox/partners.ts'
import { ports } from './sandbox/ports.ts'
import { runtimeConfigOnStack, ssoSandbox } from './sandbox/vite.ts'
import { brandShell } from './scripts/brand-shell.ts'
import {
  ASSETS_PREFIX,
  cacheControlFor,
  formActionOrigins,
  pageHeaders,
} from './scripts/security-headers.ts'

const RUNTIME_CONFIG = 'sso.config.json'

/**
 * What the signed-in home does not show, in one chunk loaded on demand (and prefetched when the
 * browser is idle): the hand-off routes and the views that load on first use.
 */
const LATER_MODULES =
  /packages\/sso-bridge\/src\/(react\/(handoff-route|handoff-confirm-view|error-view|error-parts|config-error-view|not-found-view)\.tsx?|core\/(handoff-run|handoff-guard)\.ts)$/

const ENTRY = fileURLToPath(new URL('./src/app/main.ts', import.meta.url))
const RENDER = fileURLToPath(new URL('./src/app/render.tsx', import.meta.url))

/**
 * Three chunks beside the entry, and no crumbs: what the entry imports (the callback, before the
 * login request, shared with the React part) goes to `callback`; the hand-off routes and the views
 * loaded on first use go to `later`; everything else the React part imports goes to `render`, so
 * the signed-in view waits for one request, not for a dozen shared pieces.
 */
function chunkNames(): (id: string, ctx: ChunkingContext) => string | null {
  let sides: { entry: Set<string>; render: Set<string> } | undefined
  return (id, ctx) => {
    if (id.endsWith('.css') || id === ENTRY) return null
    sides ??= { entry: importsOf(ENTRY, ctx), render: importsOf(RENDER, ctx) }
    if (sides.entry.has(id)) return 'callback'
    if (LATER_MODULES.test(id)) return 'later'
    return sides.render.has(id) ? 'render' : null
  }
}

/** Only the partners SSO_SANDBOX_PARTNERS names (all by default) in the served config. */
const sandboxPartnersOnly = (text: string) => (partnersLeftOut() ? withSandboxPartners(text) : text)

/**
 * The runtime config as these servers serve it (the kit's Vite plugin, sandbox/vite.ts): the
 * file on disk with its sandbox origins on the running ports (`SSO_PORT_IDP=5010 npm start`, the
 * journeys' stacks), and only the sandbox's partners.
 */
const servedConfig = (text: string) => sandboxPartnersOnly(runtimeConfigOnStack(text))

/** The path of a request URL as nginx matches it: no query, escapes decoded, dot segments gone. */
function sitePath(url = '/'): string {
  const path = url.split('?')[0] ?? '/'
  try {
    return posix.normalize(decodeURIComponent(path))
  } catch {
    return path // a malformed escape: left as it is, it names no file
  }
}

/** Whether `path` (a site path) names a file under `dir`. */
function isFileUnder(dir: string, path: string): boolean {
  const file = resolve(dir, `.${path}`)
  return file.startsWith(dir + sep) && statSync(file, { throwIfNoEntry: false })?.isFile() === true
}

/**
 * docs/architecture.md §3 "Headers" on `vite preview`, as the nginx config of deploy/nginx/ sends
 * them (apart from its TLS-only Strict-Transport-Security): every response gets the page headers
 * of scripts/security-headers.ts; Cache-Control follows the status it is sent with
 * (`cacheControlFor`): hashed `/assets/` that exist are cached for good, everything else (HTML,
 * the runtime config, any 404) never. A missing `/assets/` file is a 404, not the HTML fallback.
 * form-action lists the portal origins of the config as served (moved ports included), read by
 * `formActionOrigins`: preview does not start on a config the app would refuse (dev, build and
 * the unit tests do not read it here).
 */
function previewSecurityHeaders(): Plugin {
  return {
    name: 'sso-bridge:preview-security-headers',
    configurePreviewServer(server) {
      const shipped = fileURLToPath(new URL(`./public/${RUNTIME_CONFIG}`, import.meta.url))
      const headers = pageHeaders(formActionOrigins(shipped, { served: servedConfig }))
      const outDir = resolve(server.config.root, server.config.build.outDir)
      server.middlewares.use((req, res, next) => {
        const path = sitePath(req.url)
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
        // Vite's HTML fallback and sirv set their own Cache-Control; the policy wins, decided
        // when the status is known (Node's implicit headers go through writeHead too).
        const setHeader = res.setHeader.bind(res)
        res.setHeader = (name, value) =>
          name.toLowerCase() === 'cache-control' ? res : setHeader(name, value)
        const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => unknown
        res.writeHead = ((status: number, ...rest: unknown[]) => {
          setHeader('Cache-Control', cacheControlFor(path, status))
          return writeHead(status, ...rest)
        }) as typeof res.writeHead
        if (path.startsWith(ASSETS_PREFIX) && !isFileUnder(outDir, path)) {
          res.statusCode = 404
          res.setHeader('Content-Type', 'text/plain; charset=utf-8')
          res.end('Not Found')
          return
        }
        next()
      })
    },
  }
}

/**
 * @lingui/core imports Lingui's ICU compiler for development only (a branch on NODE_ENV that a
 * production build drops), yet the import itself keeps the compiler in the main chunk. In our
 * production build the import goes, so the compiler is the chunk sso-bridge loads when a host
 * gives messages of its own (i18n/catalog.ts), and the signed-in path does without it.
 */
function linguiCompilerOnDemand(): Plugin {
  const IMPORT = "import { compileMessage } from '@lingui/message-utils/compileMessage';"
  return {
    name: 'sso-bridge:lingui-compiler-on-demand',
    apply: 'build',
    transform(code, id) {
      if (!/@lingui\/core\/dist\/index\.mjs$/.test(id)) return null
      if (!code.includes(IMPORT)) {
        throw new Error(
          '@lingui/core no longer imports its compiler as expected: check vite.config.ts',
        )
      }
      return code.replace(IMPORT, 'const compileMessage = undefined;')
    },
  }
}

/** Our app imports the package's public entries by name, as a host app does (src/app uses no internals). */
const publicEntries = Object.fromEntries(
  ['core', 'callback', 'react'].map((entry) => [
    `sso-bridge/${entry}`,
    fileURLToPath(new URL(`./packages/sso-bridge/src/${entry}.ts`, import.meta.url)),
  ]),
)

export default defineConfig({
  plugins: [
    react(),
    linguiCompilerOnDemand(),
    // index.html's first paint with the brand of public/sso.config.json (docs/configuration.md).
    brandShell(),
    previewSecurityHeaders(),
    // Ports (127.0.0.1, strict), the /api proxy to the BFF and the runtime config on the stack.
    ssoSandbox({
      port: ports.appDev,
      previewPort: ports.appPreview,
      transformConfig: sandboxPartnersOnly,
    }),
  ],
  resolve: { alias: publicEntries },
  build: {
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: chunkNames() }],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}', 'packages/sso-bridge/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['packages/sso-bridge/src/test/setup-tests.ts'],
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['sandbox/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'bff',
          include: ['packages/bff/src/**/*.test.ts', 'packages/contract/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
})
