import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateDemo } from '../../main/core/demo/generate.ts'
import { tempDir } from '../helpers/tmp.ts'

const SELF = fileURLToPath(import.meta.url)

interface Figures {
  persons: number
  seconds: number
  siteRows: number
  registryRows: number
  maxRssMb: number
  megabytes: number
}

/** Runs in a child process so each size gets its own peak RSS. */
async function child(persons: number): Promise<Figures> {
  const dir = join(tempDir('vaxrecon-demo-bench-'), 'demo')
  const t0 = performance.now()
  const s = await generateDemo(dir, { persons, seed: 1 })
  const seconds = (performance.now() - t0) / 1000
  const bytes = readdirSync(dir).reduce((n, f) => n + (f.endsWith('.xlsx') ? statSync(join(dir, f)).size : 0), 0)
  rmSync(dir, { recursive: true, force: true })
  return {
    persons,
    seconds,
    siteRows: s.siteRows,
    registryRows: s.registryRows,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    megabytes: bytes / 1e6
  }
}

if (process.env['DEMO_BENCH_PERSONS']) {
  process.stdout.write(JSON.stringify(await child(Number(process.env['DEMO_BENCH_PERSONS']))))
}

/**
 * `vaxrecon demo` at district scale: time and peak RSS for 10,000 and 100,000 persons
 * (and 1,000,000 with DEMO_BENCH_MILLION=1, several minutes). Flat memory means the peak
 * RSS barely moves between sizes.
 */
export default async function bench(): Promise<void> {
  const sizes = [10_000, 100_000, ...(process.env['DEMO_BENCH_MILLION'] === '1' ? [1_000_000] : [])]
  for (const persons of sizes) {
    const r = spawnSync(process.execPath, [SELF], { env: { ...process.env, DEMO_BENCH_PERSONS: String(persons) }, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`demo bench child failed: ${r.stderr}`)
    const f = JSON.parse(r.stdout) as Figures
    const rows = f.siteRows + f.registryRows
    process.stdout.write(
      `${String(f.persons).padStart(9)} persons: ${f.seconds.toFixed(1)} s, ${Math.round(rows / f.seconds).toLocaleString('en-US')} rows/s ` +
        `(${f.registryRows} registry + ${f.siteRows} site rows, ${f.megabytes.toFixed(1)} MB of .xlsx), peak RSS ${f.maxRssMb.toFixed(0)} MB\n`
    )
  }
}
