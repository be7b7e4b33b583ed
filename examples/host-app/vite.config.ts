// Acme Portal's own Vite config: nothing of sso-bridge's build, only its package by name.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const env = (name: string, fallback: string) => process.env[name] || fallback

const port = Number(env('SSO_PORT_HOST_APP', '4180'))
// sso-bridge's BFF answers /api; it must see our own Host and Origin (no changeOrigin).
const proxy = {
  '/api': { target: `http://127.0.0.1:${env('SSO_PORT_BFF', '4020')}`, changeOrigin: false },
}

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  // main.ts awaits at the top level (the login request before React on the callback page).
  build: { target: 'es2022' },
})
