import { verifyAudit } from '../../main/core/workspace/audit-verify.ts'
import { exportBatch } from '../../main/core/export/export-batch.ts'
import { verifyRecordedBatch } from '../../main/core/export/verify-batch.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { decideAs, fixtureWorkspace, PASSWORDS, propose } from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2)

// VAXRECON_BENCH_SIZES=10000 runs one size; the target (issue 12) is 100,000 exported, verified and signed in ≤ 5 s.
const SIZES = (process.env['VAXRECON_BENCH_SIZES'] ?? '1000,10000,100000').split(',').map(Number)

/** Bulk approval, a big signed batch (every approval signature checked first), its re-verification and the audit check, at district scale. */
export default async function bench(): Promise<void> {
  for (const n of SIZES) {
    const f = await fixtureWorkspace()
    for (let i = 0; i < n; i++) propose(f.ws, f.clerk, { site: `Trạm Y tế ${i % 20}` })
    let t = performance.now()
    decideAs(f.ws, f.minh, { verdict: 'approve', selection: { filter: { status: ['proposed'] } }, comment: 'bench' })
    const approveS = seconds(t)
    t = performance.now()
    const before = process.memoryUsage().rss
    let peak = before
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const r = await exportBatch(f.ws, f.hoa, PASSWORDS.hoa, { outDir: tempDir() }, inlineContext())
    clearInterval(sample)
    const exportS = seconds(t)
    t = performance.now()
    const v = verifyRecordedBatch(f.ws, r.batch?.id ?? 0)
    const verifyS = seconds(t)
    t = performance.now()
    const audit = verifyAudit(f.ws.db)
    const auditS = seconds(t)
    const mb = (
      (r.batch ? (f.ws.db.prepare('SELECT length(content) AS n FROM export_batches').get() as { n: number }).n : 0) / 1e6
    ).toFixed(1)
    process.stdout.write(
      `${String(n).padStart(6)} corrections: bulk approve (signed) ${approveS} s, export (approvals verified) + sign ${exportS} s, ${r.refused.length} refused (${mb} MB .xlsx), re-verify ${verifyS} s (${v.ok ? 'ok' : 'FAILED'}), audit verify ${auditS} s (${audit.entries} entries, ${audit.ok ? 'ok' : 'FAILED'}), export's RSS growth ${((peak - before) / 1e6).toFixed(0)} MB\n`
    )
    f.ws.close()
  }
}
