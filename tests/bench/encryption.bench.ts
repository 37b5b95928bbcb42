import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { decide } from '../../main/core/approve/decide.ts'
import { generateDemo } from '../../main/core/demo/generate.ts'
import { exportBatch } from '../../main/core/export/export-batch.ts'
import { importFile } from '../../main/core/import/import-file.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { matchJob } from '../../main/core/jobs/pipeline.ts'
import { gridPage } from '../../main/core/review/grid.ts'
import { ensureReviewFunctions } from '../../main/core/review/rows.ts'
import { ReviewFilter } from '../../main/core/review/schemas.ts'
import { signerFor } from '../../main/core/users/keys.ts'
import { addUser } from '../../main/core/users/users.ts'
import { createEncryptedWorkspace, createWorkspace, type Workspace } from '../../main/core/workspace/index.ts'
import { propose } from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'

/**
 * Encrypted against plain, side by side in one run (`npm run bench encryption`): the same
 * demo files imported (about 200,000 site rows), matched, a review page read, and 10,000
 * approved corrections exported, twice each in ABBA order. ENC_BENCH_PERSONS sets the demo's size (default 100,000);
 * ENC_BENCH_CORRECTIONS the batch (default 10,000). Target: encrypted at most 15% slower.
 */
const PERSONS = Number(process.env['ENC_BENCH_PERSONS'] ?? 100_000)
const CORRECTIONS = Number(process.env['ENC_BENCH_CORRECTIONS'] ?? 10_000)
const SUPERVISOR_PASSWORD = 'bench-supervisor-2'

type Stage = 'import' | 'match' | 'review page' | 'export'
type Timings = Record<Stage, number> & { siteRows: number }

// CPU seconds of this process (user + system): on a shared machine far steadier than wall time.
const now = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const seconds = (t0: number): number => (now() - t0) / 1000

async function runFlow(ws: Workspace, demo: string): Promise<Timings> {
  const ctx = inlineContext()
  // Minh is the first supervisor; Minh endorses the others, and signs the approvals.
  const minh = await addUser(ws, null, { name: 'Minh', role: 'supervisor', password: 'bench-supervisor-1' })
  const byMinh = { userId: minh.id, signer: await signerFor(ws, minh, 'bench-supervisor-1') }
  const clerk = await addUser(ws, byMinh, { name: 'Clerk', role: 'clerk', password: 'bench-clerk-1' })
  const hoa = await addUser(ws, byMinh, { name: 'Hoa', role: 'supervisor', password: SUPERVISOR_PASSWORD })

  let t = now()
  await importFile(ws, { kind: 'registry', path: join(demo, 'registry.xlsx') }, ctx, null)
  let siteRows = 0
  for (const f of readdirSync(demo)
    .filter((n) => n.startsWith('site_'))
    .sort()) {
    siteRows += (await importFile(ws, { kind: 'site', path: join(demo, f) }, ctx, null)).imported
  }
  const importS = seconds(t)

  t = now()
  matchJob(ws, {}, ctx)
  const matchS = seconds(t)

  ensureReviewFunctions(ws.db)
  const filter = ReviewFilter.parse({})
  t = now()
  const first = gridPage(ws, { filter, sort: { column: 'name', dir: 'asc' }, view: 0, startRow: 0, endRow: 100 })
  for (let i = 1; i <= 20; i++) {
    const start = Math.floor((first.rowCount * i) / 21)
    gridPage(ws, { filter, sort: { column: 'name', dir: 'asc' }, view: 0, startRow: start, endRow: start + 100 })
  }
  const pageS = seconds(t) / 21

  for (let i = 0; i < CORRECTIONS; i++) propose(ws, clerk, { site: `Trạm Y tế ${i % 20}` })
  decide(ws, minh, { verdict: 'approve', selection: { filter: { status: ['proposed'] } }, comment: 'bench' }, byMinh.signer)
  t = now()
  await exportBatch(ws, hoa, SUPERVISOR_PASSWORD, { outDir: tempDir() }, ctx)
  const exportS = seconds(t)
  return { import: importS, match: matchS, 'review page': pageS, export: exportS, siteRows }
}

export default async function bench(): Promise<void> {
  const dir = tempDir('vaxrecon-bench-enc-')
  const demo = join(dir, 'demo')
  await generateDemo(demo, { persons: PERSONS, seed: 2016 })
  // ABBA order, each figure the mean of two runs: neither variant gets the cold start or the
  // quiet minute of a shared machine to itself.
  const runs: Record<'plain' | 'encrypted', Timings[]> = { plain: [], encrypted: [] }
  for (const [i, variant] of (['plain', 'encrypted', 'encrypted', 'plain'] as const).entries()) {
    const path = join(dir, `${variant}-${i}.vaxrecon`)
    const ws = variant === 'plain' ? createWorkspace(path) : createEncryptedWorkspace(path).workspace
    try {
      runs[variant].push(await runFlow(ws, demo))
    } finally {
      ws.close()
    }
    rmSync(path, { force: true })
  }
  rmSync(dir, { recursive: true, force: true })
  const mean = (ts: Timings[]): Timings => {
    const avg = (k: Stage): number => ts.reduce((sum, x) => sum + x[k], 0) / ts.length
    return {
      import: avg('import'),
      match: avg('match'),
      'review page': avg('review page'),
      export: avg('export'),
      siteRows: ts[0]?.siteRows ?? 0
    }
  }
  const plain = mean(runs.plain)
  const encrypted = mean(runs.encrypted)
  const out = (s: string): void => void process.stdout.write(s + '\n')
  out(
    `\n${PERSONS.toLocaleString('en')}-person demo: ${plain.siteRows.toLocaleString('en')} site rows; ${CORRECTIONS.toLocaleString('en')} corrections exported`
  )
  out('CPU seconds of the bench process per stage, mean of two runs each')
  out('| stage | plain (s) | encrypted (s) | encrypted / plain |')
  out('| --- | ---: | ---: | ---: |')
  let totalPlain = 0
  let totalEnc = 0
  for (const stage of ['import', 'match', 'review page', 'export'] as const) {
    totalPlain += plain[stage]
    totalEnc += encrypted[stage]
    const digits = stage === 'review page' ? 4 : 1
    out(
      `| ${stage} | ${plain[stage].toFixed(digits)} | ${encrypted[stage].toFixed(digits)} | ${(encrypted[stage] / plain[stage]).toFixed(2)} |`
    )
  }
  out(`| all four | ${totalPlain.toFixed(1)} | ${totalEnc.toFixed(1)} | ${(totalEnc / totalPlain).toFixed(2)} (target ≤ 1.15) |`)
}
