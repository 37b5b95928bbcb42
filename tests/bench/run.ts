import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn (or those named on the
 * command line) and prints their figures. Speed and memory targets live here, never in tests.
 */
const dir = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

for (const f of files) {
  process.stdout.write(`\n=== ${f}\n`)
  const mod = (await import(new URL(f, import.meta.url).href)) as { default: () => Promise<void> }
  await mod.default()
}
