import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Real files, real SQLite, real Chromium and LibreOffice: generous, but no test is timed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
})
