import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// A plain Vite + React build; serve.mjs runs `vite build` and `vite preview` with this config.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 4185, strictPort: true },
  preview: { host: '127.0.0.1', port: 4185, strictPort: true },
})
