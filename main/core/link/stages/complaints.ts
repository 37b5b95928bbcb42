import type { JobContext } from '../../base/job-context.ts'
import { block } from '../block-pairs.ts'
import { complaintEvidence } from '../complaint-evidence.ts'
import type { ComplaintResult, LinkOutcome, PersonResult } from '../engine-types.ts'
import { weighPairs } from '../model/fit.ts'
import type { LinkModel } from '../model/score.ts'
import type { PairSource } from '../model/u-sample.ts'
import type { Prepared } from '../prepare.ts'
import { regIdx, siteRows, type EngineContext } from './context.ts'
import type { Persons } from './persons.ts'
import type { RegistryLinks } from './registry.ts'

/** Each complaint's best site row, scored with the site-to-site model (phones count here). */
function complaintToSites(
  complaints: readonly Prepared[],
  sites: readonly Prepared[],
  source: PairSource,
  model: LinkModel,
  job: JobContext
): ({ site: number; weight: number } | undefined)[] {
  const threads = source.pool.blockThreads(source.a, source.b)
  const pairs = block(complaints, sites, threads ? { dedup: false, threads } : { dedup: false }, job)
  const best: ({ site: number; weight: number } | undefined)[] = complaints.map(() => undefined)
  weighPairs(model, source, pairs, job, (k, site, w) => {
    const cur = best[k]
    if (!cur || w > cur.weight) best[k] = { site, weight: w }
  })
  return best
}

/**
 * Complaints: to the registry like a site row, then to the person whose doses they
 * concern (through the registry person, else the best site row), with the evidence of
 * that person's rows.
 */
export function linkComplaints(ec: EngineContext, reg: RegistryLinks, grouped: Persons): ComplaintResult[] {
  const { sites, complaints, thresholds: t } = ec
  const { persons, dedupModel, contradicts, linkedTarget } = grouped
  const personOfSite = new Map<number, number>()
  persons.forEach((p, i) => p.rows.forEach((id) => personOfSite.set(id, i)))
  const personOfTarget = new Map<number, number>()
  persons.forEach((p, i) => {
    const target = linkedTarget(p)
    if (target !== null) personOfTarget.set(target, i)
  })
  const complaintSiteFit =
    dedupModel && complaints.length > 0
      ? complaintToSites(complaints, sites, { pool: ec.pool, a: 'complaints', b: 'subjects' }, dedupModel, ec.job)
      : null
  const frozenComplaint = new Map(ec.frozenComplaints.map((f) => [f.subjectId, f]))
  return complaints.map((c, k) => {
    const s = sites.length + k
    const frozen = frozenComplaint.get(c.id)
    let link: LinkOutcome | null = null
    let target: number | null = frozen?.confirmed ?? null
    if (!frozen?.settled) {
      const rejected = new Set((frozen?.rejected ?? []).map((id) => regIdx(ec, id)))
      const cands = (reg.top[s] ?? []).filter((cand) => !rejected.has(cand.target)).map((cand) => ({ row: s, cand }))
      link = reg.outcome(cands, frozen ? 'rejected_before' : reg.hold(cands))
      target = link.status === 'auto' ? link.target : null
    }
    let person = target !== null ? (personOfTarget.get(target) ?? null) : null
    if (person === null && complaintSiteFit) {
      const best = complaintSiteFit[k]
      if (best && best.weight >= t.auto && !contradicts?.(c, sites[best.site] as Prepared))
        person = personOfSite.get((sites[best.site] as Prepared).id) ?? null
    }
    const rows = person === null ? [] : siteRows(ec, (persons[person] as PersonResult).rows)
    return { recordId: c.id, link, person, evidence: complaintEvidence(c, rows) }
  })
}
