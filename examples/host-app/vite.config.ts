// Acme CRM's own Vite config: nothing of sso-bridge's build. The kit's plugin (a devDependency)
// serves the app beside the sandbox under `vite` and `vite preview`: /api proxied to the BFF, the
// runtime config on the sandbox's ports of the journeys' stack.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { ssoSandbox } from 'sso-bridge-sandbox/vite'

export default defineConfig({
  plugins: [react(), ssoSandbox({ port: 4180 })],
  // main.ts awaits at the top level (the login request before React on the callback page).
  build: { target: 'es2022' },
})
