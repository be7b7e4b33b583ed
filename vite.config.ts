/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { moveOrigins, movedPorts, originOf, ports } from './sandbox/ports.ts'
import { formActionOriginsOf, securityHeaders } from './scripts/security-headers.mjs'

// The BFF sees the app's own Host and Origin, as behind the production reverse proxy.
const proxy = { '/api': { target: originOf('bff'), changeOrigin: false } }

const RUNTIME_CONFIG = 'sso.config.json'

/**
 * The runtime config as these servers serve it: the file on disk, with its sandbox origins (IdP
 * issuer, partner origins, portal URLs) moved to the running ports when an SSO_PORT_* variable
 * moved any (the journeys' second stack, `SSO_PORT_IDP=5010 npm start`).
 */
function runtimeConfigText(file: string): string {
  return moveOrigins(readFileSync(file, 'utf8'))
}

/** Serves /sso.config.json from `file` with moved origins; untouched when no port is moved. */
function runtimeConfigMiddleware(file: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = req.url?.split('?')[0]
    const read = req.method === 'GET' || req.method === 'HEAD'
    if (path !== `/${RUNTIME_CONFIG}` || !read || movedPorts().length === 0) return next()
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json')
    res.end(runtimeConfigText(file))
  }
}

function runtimeConfigOnMovedPorts(): Plugin {
  return {
    name: 'sso-bridge:runtime-config-ports',
    configureServer(server) {
      server.middlewares.use(runtimeConfigMiddleware(join(server.config.publicDir, RUNTIME_CONFIG)))
    },
    configurePreviewServer(server) {
      const { root, build } = server.config
      server.middlewares.use(runtimeConfigMiddleware(resolve(root, build.outDir, RUNTIME_CONFIG)))
    },
  }
}

/**
 * docs/architecture.md §3 "Headers" on `vite preview`: every response gets the security headers;
 * HTML and the runtime config are never cached, fingerprinted assets are cached for good.
 * form-action lists the portal origins of the config as served (moved ports included).
 */
function previewSecurityHeaders(): Plugin {
  const shipped = fileURLToPath(new URL(`./public/${RUNTIME_CONFIG}`, import.meta.url))
  const headers = securityHeaders(formActionOriginsOf(JSON.parse(runtimeConfigText(shipped))))
  return {
    name: 'sso-bridge:preview-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const asset = req.url?.startsWith('/assets/') === true
        const cacheControl = asset ? 'public, max-age=31536000, immutable' : 'no-store'
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
        // Vite's own HTML fallback sets `no-cache` later on; the policy above wins.
        const setHeader = res.setHeader.bind(res)
        res.setHeader = (name, value) =>
          setHeader(name, name.toLowerCase() === 'cache-control' ? cacheControl : value)
        res.setHeader('Cache-Control', cacheControl)
        next()
      })
    },
  }
}

/** Our app imports the package's public entries by name, as a host app does (src/app uses no internals). */
const publicEntries = Object.fromEntries(
  ['core', 'callback', 'react'].map((entry) => [
    `sso-bridge/${entry}`,
    fileURLToPath(new URL(`./src/${entry}/index.ts`, import.meta.url)),
  ]),
)

export default defineConfig({
  plugins: [react(), previewSecurityHeaders(), runtimeConfigOnMovedPorts()],
  resolve: { alias: publicEntries },
  server: { host: '127.0.0.1', port: ports.appDev, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: ports.appPreview, strictPort: true, proxy },
  build: { sourcemap: false, target: 'es2022' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup-tests.ts'],
        },
      },
      {
        test: {
          name: 'sandbox',
          include: ['sandbox/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
})
