import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { generateDemo } from '../../main/core/demo/generate.ts'
import { importFile } from '../../main/core/import/import-file.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { literal, openDuckDb } from '../../main/core/splink/duckdb.ts'
import { exportRecords } from '../../main/core/splink/records-export.ts'
import { lastModel, splinkSettings } from '../../main/core/splink/settings.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { splinkPredict } from '../helpers/splink-predict.ts'
import { tempDir } from '../helpers/tmp.ts'

/**
 * `npm run bench -- splink`: the exported model on DuckDB beside VaxRecon's own match, on
 * 200,000 site rows against a ~500,000-person registry (SPLINK_BENCH_SCALE=quick: 20,000
 * against 50,000). VaxRecon's match runs alone in a fresh process (tests/bench/link/);
 * DuckDB runs in this one, on every core, over the exported Parquet files.
 */
const CHILD = new URL('./link/match-child.ts', import.meta.url).pathname
const out = (s: string): void => void process.stdout.write(s + '\n')

export default async function splinkBench(): Promise<void> {
  const quick = process.env['SPLINK_BENCH_SCALE'] === 'quick'
  const persons = quick ? 52_000 : 520_000
  const siteRows = quick ? 20_000 : 200_000
  const dir = tempDir('vaxrecon-bench-splink-')
  await generateDemo(join(dir, 'demo'), { persons, seed: 2022 })
  const path = join(dir, 'w.vaxrecon')
  const ws = createWorkspace(path)
  const ctx = inlineContext()
  await importFile(ws, { kind: 'registry', path: join(dir, 'demo', 'registry.xlsx') }, ctx, null)
  let rows = 0
  for (const f of readdirSync(join(dir, 'demo'))
    .filter((f) => f.startsWith('site_'))
    .sort()) {
    if (rows >= siteRows) break
    rows += (await importFile(ws, { kind: 'site', path: join(dir, 'demo', f) }, ctx, null)).imported
  }
  ws.close()

  const m = spawnSync(process.execPath, [CHILD, path], { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (m.status !== 0) throw new Error(`match failed: ${m.stderr}`)
  const match = JSON.parse(m.stdout) as { linkSeconds: number; peakRssMb: number }
  out(`VaxRecon match: ${match.linkSeconds.toFixed(1)} s linkage, peak RSS ${match.peakRssMb} MB`)

  const w = openWorkspace(path)
  const t0 = performance.now()
  const site = await exportRecords(w.db, 'site', join(dir, 'site.parquet'))
  const registry = await exportRecords(w.db, 'registry', join(dir, 'registry.parquet'))
  const exportSeconds = (performance.now() - t0) / 1000
  const settings = splinkSettings(lastModel(w.db))
  w.close()

  const con = await openDuckDb()
  const t1 = performance.now()
  await con.run(`CREATE TABLE site_recs AS SELECT * FROM read_parquet(${literal(join(dir, 'site.parquet'))})`)
  await con.run(`CREATE TABLE registry_recs AS SELECT * FROM read_parquet(${literal(join(dir, 'registry.parquet'))})`)
  const loadSeconds = (performance.now() - t1) / 1000
  const p = await splinkPredict(con, settings, 'site_recs', 'registry_recs')
  con.closeSync()
  rmSync(dir, { recursive: true, force: true })

  out(
    `\n## The exported model on DuckDB beside VaxRecon's match: ${site.rows.toLocaleString('en')} site rows × ${registry.rows.toLocaleString('en')} registry rows\n`
  )
  out('| step | seconds |')
  out('| --- | ---: |')
  out(`| VaxRecon match, linkage (fresh process, peak RSS ${match.peakRssMb} MB) | ${match.linkSeconds.toFixed(1)} |`)
  out(`| records export, both sides to Parquet | ${exportSeconds.toFixed(1)} |`)
  out(`| DuckDB: read the Parquet files | ${loadSeconds.toFixed(1)} |`)
  out(`| DuckDB: blocking (${p.pairs.toLocaleString('en')} pairs) and term frequencies | ${p.blockSeconds.toFixed(1)} |`)
  out(`| DuckDB: comparison levels and match weights | ${p.scoreSeconds.toFixed(1)} |`)
}
