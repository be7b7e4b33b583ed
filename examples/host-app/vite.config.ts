// Acme CRM's own Vite config: nothing of sso-bridge's build, only its package by name.
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const env = (name: string, fallback: string) => process.env[name] || fallback

const port = Number(env('SSO_PORT_HOST_APP', '4180'))
// sso-bridge's BFF answers /api; it must see our own Host and Origin (no changeOrigin).
const proxy = {
  '/api': { target: `http://127.0.0.1:${env('SSO_PORT_BFF', '4020')}`, changeOrigin: false },
}

/**
 * The sandbox ports public/sso.config.json names (IdP issuer, AssureSign, Aimbase, the
 * line-of-business portal) and the variable that moves each, as sso-bridge's sandbox reads them.
 */
const SANDBOX_PORTS: Record<string, string> = {
  '4010': 'SSO_PORT_IDP',
  '4030': 'SSO_PORT_ASSURESIGN',
  '4040': 'SSO_PORT_AIMBASE',
  '4060': 'SSO_PORT_LOB',
}

/** The config's text with each sandbox origin on the port its variable names. */
function movedConfig(text: string): string {
  return text.replace(/\bhttp:\/\/127\.0\.0\.1:(\d+)(?!\d)/g, (origin, from: string) => {
    const variable = SANDBOX_PORTS[from]
    return variable === undefined ? origin : `http://127.0.0.1:${env(variable, from)}`
  })
}

/**
 * The sandbox may run on other ports (SSO_PORT_*, e.g. the journeys' second stack): then
 * /sso.config.json is served with those ports, and the file on disk stays the default.
 */
function runtimeConfigOnMovedPorts(): Plugin {
  const moved = Object.entries(SANDBOX_PORTS).some(
    ([from, variable]) => env(variable, from) !== from,
  )
  const serve = (file: string) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const read = req.method === 'GET' || req.method === 'HEAD'
    if (!moved || !read || req.url?.split('?')[0] !== '/sso.config.json') return next()
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    res.end(movedConfig(readFileSync(file, 'utf8')))
  }
  return {
    name: 'acme:runtime-config-ports',
    configureServer(server) {
      server.middlewares.use(serve(join(server.config.publicDir, 'sso.config.json')))
    },
    configurePreviewServer(server) {
      const { root, build } = server.config
      server.middlewares.use(serve(resolve(root, build.outDir, 'sso.config.json')))
    },
  }
}

export default defineConfig({
  plugins: [react(), runtimeConfigOnMovedPorts()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  // main.ts awaits at the top level (the login request before React on the callback page).
  build: { target: 'es2022' },
})
