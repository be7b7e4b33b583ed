/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { originOf, ports } from './sandbox/ports.ts'
import { securityHeaders } from './scripts/security-headers.mjs'

// The BFF sees the app's own Host and Origin, as behind the production reverse proxy.
const proxy = { '/api': { target: originOf('bff'), changeOrigin: false } }

/**
 * docs/architecture.md §3 "Headers" on `vite preview`: every response gets the security headers;
 * HTML and the runtime config are never cached, fingerprinted assets are cached for good.
 */
function previewSecurityHeaders(): Plugin {
  const headers = securityHeaders()
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
  plugins: [react(), previewSecurityHeaders()],
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
