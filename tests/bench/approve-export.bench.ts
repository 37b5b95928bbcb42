import { pathToFileURL } from 'node:url'
import type * as Audit from '../../main/core/workspace/audit-verify.ts'
import type * as Export from '../../main/core/export/export-batch.ts'
import type * as Verify from '../../main/core/export/verify-batch.ts'
import type * as Jobs from '../../main/core/base/job-context.ts'
import type * as Corrections from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'

const seconds = (t0: number) => (performance.now() - t0) / 1000

// VAXRECON_BENCH_SIZES=10000 runs one size; the target (issue 12) is 100,000 exported, verified and signed in ≤ 5 s.
const SIZES = (process.env['VAXRECON_BENCH_SIZES'] ?? '1000,10000,100000').split(',').map(Number)

// VAXRECON_BENCH_BASELINE=DIR: a copy of an earlier tree (`git archive COMMIT | tar -x -C DIR`, with
// node_modules linked in) whose export runs the same scenario first, so before and after share one run's load.
const BASELINE = process.env['VAXRECON_BENCH_BASELINE']

interface Tree {
  label: string
  audit: typeof Audit
  exp: typeof Export
  verify: typeof Verify
  jobs: typeof Jobs
  fixtures: typeof Corrections
}

async function load(label: string, root: URL): Promise<Tree> {
  const at = <T>(path: string) => import(new URL(path, root).href) as Promise<T>
  return {
    label,
    audit: await at<typeof Audit>('main/core/workspace/audit-verify.ts'),
    exp: await at<typeof Export>('main/core/export/export-batch.ts'),
    verify: await at<typeof Verify>('main/core/export/verify-batch.ts'),
    jobs: await at<typeof Jobs>('main/core/base/job-context.ts'),
    fixtures: await at<typeof Corrections>('tests/helpers/corrections.ts')
  }
}

interface Figures {
  approve: number
  export: number
  verify: number
  audit: number
  ok: string
  refused: number
  mb: number
  rss: number
  entries: number
}

/** Bulk approval, a big signed batch (every approval signature checked first), its re-verification and the audit check. */
async function scenario(t: Tree, n: number): Promise<Figures> {
  const { decideAs, fixtureWorkspace, PASSWORDS, propose } = t.fixtures
  const f = await fixtureWorkspace()
  f.ws.tx(() => {
    for (let i = 0; i < n; i++) propose(f.ws, f.clerk, { site: `Trạm Y tế ${i % 20}` })
  })
  let t0 = performance.now()
  decideAs(f.ws, f.minh, { verdict: 'approve', selection: { filter: { status: ['proposed'] } }, comment: 'bench' })
  const approve = seconds(t0)
  const before = process.memoryUsage().rss
  let peak = before
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  t0 = performance.now()
  const r = await t.exp.exportBatch(f.ws, f.hoa, PASSWORDS.hoa, { outDir: tempDir() }, t.jobs.inlineContext())
  const exported = seconds(t0)
  clearInterval(sample)
  t0 = performance.now()
  const v = t.verify.verifyRecordedBatch(f.ws, r.batch?.id ?? 0)
  const verify = seconds(t0)
  t0 = performance.now()
  const audit = t.audit.verifyAudit(f.ws.db)
  const auditS = seconds(t0)
  const bytes = r.batch ? (f.ws.db.prepare('SELECT length(content) AS n FROM export_batches').get() as { n: number }).n : 0
  f.ws.close()
  return {
    approve,
    export: exported,
    verify,
    audit: auditS,
    ok: `${v.ok ? 'ok' : 'FAILED'}/${audit.ok ? 'ok' : 'FAILED'}`,
    refused: r.refused.length,
    mb: bytes / 1e6,
    rss: (peak - before) / 1e6,
    entries: audit.entries
  }
}

const line = (label: string, n: number, x: Figures) =>
  `${label.padEnd(6)} ${String(n).padStart(6)} corrections: bulk approve (signed) ${x.approve.toFixed(2)} s, export (approvals verified) + sign ${x.export.toFixed(2)} s, ${x.refused} refused (${x.mb.toFixed(1)} MB .xlsx), re-verify ${x.verify.toFixed(2)} s, audit verify ${x.audit.toFixed(2)} s (${x.entries} entries; verify/audit ${x.ok}), export's RSS growth ${x.rss.toFixed(0)} MB\n`

export default async function bench(): Promise<void> {
  const trees = [await load('after', new URL('../../', import.meta.url))]
  if (BASELINE) trees.unshift(await load('before', pathToFileURL(`${BASELINE.replace(/\/$/, '')}/`)))
  for (const n of SIZES) {
    const got = new Map<string, Figures>()
    for (const t of trees) {
      const x = await scenario(t, n)
      got.set(t.label, x)
      process.stdout.write(line(t.label, n, x))
    }
    const b = got.get('before')
    const a = got.get('after')
    if (b && a)
      process.stdout.write(`       export after/before ${(a.export / b.export).toFixed(3)} (${(b.export / a.export).toFixed(1)}× faster)\n`)
  }
}
