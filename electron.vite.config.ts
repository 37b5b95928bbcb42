import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * The dev server needs an inline React Refresh preamble and a websocket for HMR; the
 * strict CSP in index.html forbids both. Relax it for `npm run dev` only, never in builds.
 */
const devCsp: Plugin = {
  name: 'vaxrecon-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('main/app/index.ts'),
          // Long jobs run here, off the Electron main thread.
          worker: resolve('main/core/jobs/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle zod (for the contract) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        // A sandboxed preload cannot be an ES module: Electron loads it with require().
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    },
    plugins: [react(), devCsp]
  }
})
