import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()]
  }
})
