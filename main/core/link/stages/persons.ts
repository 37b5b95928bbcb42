import { strongEdges } from '../candidates.ts'
import { clusterRows } from '../cluster.ts'
import type { HoldReason, MachineStatus } from '../decide.ts'
import type { FrozenSubject, ModelSummary, PersonResult } from '../engine-types.ts'
import type { LinkModel } from '../model/score.ts'
import type { Prepared } from '../prepare.ts'
import { redecide } from '../redecide.ts'
import { contradiction, discriminating } from '../veto.ts'
import type { Anchors } from './anchor.ts'
import { regIdx, type EngineContext } from './context.ts'
import { fit } from './fit.ts'
import type { RegistryLinks, RowCand } from './registry.ts'

/** Site rows grouped into persons, each with one link. */
export interface Persons {
  persons: PersonResult[]
  /** The site × site model, null with fewer than two site rows. */
  dedupModel: LinkModel | null
  dedupSummary: ModelSummary | null
  /** Whether two records contradict each other under the site × site model. */
  contradicts: ((a: Prepared, b: Prepared) => boolean) | null
  /** The registry records.id a person is linked to (auto, or a clerk's confirmation), or null. */
  linkedTarget(p: PersonResult): number | null
}

export function groupPersons(ec: EngineContext, reg: RegistryLinks, anchors: Anchors): Persons {
  const { sites, thresholds: t } = ec
  const { anchor, frozenOf, ambiguous } = anchors
  const top = reg.top

  // Site rows against each other. Only the model, its summary and the strong edges outlive
  // this block: the compared pairs (hundreds of megabytes at a million rows) are garbage
  // once the edges are known.
  const { dedupModel, dedupSummary, edges } = (() => {
    const strong = strongEdges(t.auto)
    const f = sites.length > 1 ? fit(ec, sites, sites, { pool: ec.pool, a: 'subjects', b: 'subjects' }, true, 'dedup', strong.add) : null
    return { dedupModel: f?.model ?? null, dedupSummary: f?.summary ?? null, edges: strong.sorted() }
  })()
  const contradicts = dedupModel ? contradiction(dedupModel) : null
  const discriminates = dedupModel ? discriminating(dedupModel) : null
  const contradictionCache = new Map<number, boolean>()
  const misfits = reg.fit ? contradiction(reg.fit.model) : null
  /** Whether a site row contradicts a registry person, under the site × registry model. */
  const misfitsTarget = (r: number, target: number): boolean =>
    misfits ? misfits(sites[r] as Prepared, ec.registry[target] as Prepared) : true
  const cannotLink = (a: number, b: number, target?: number): boolean => {
    if (contradicts && target !== undefined) {
      const idsAgree = reg.idAgrees(a, target) && reg.idAgrees(b, target)
      if (!contradicts(sites[a] as Prepared, sites[b] as Prepared, idsAgree)) return false
      // The registry person as witness: two rows that each fit it differ by a slip on one
      // of them (a year-only date against a row whose year is mistyped but whose ID is the
      // person's), not by being two people.
      return misfitsTarget(a, target) || misfitsTarget(b, target)
    }
    const key = Math.min(a, b) * sites.length + Math.max(a, b)
    let v = contradictionCache.get(key)
    if (v === undefined) {
      v = contradicts ? contradicts(sites[a] as Prepared, sites[b] as Prepared) : false
      contradictionCache.set(key, v)
    }
    return v
  }
  ec.job.progress({ done: 0, total: null, stage: 'cluster' })
  const clusters = clusterRows({
    rows: sites.length,
    top,
    anchor,
    frozenOf,
    frozenAnchor: ec.frozenPersons.map((f) => regIdx(ec, f.confirmed)),
    frozenRejected: ec.frozenPersons.map((f) => f.rejected.map((id) => regIdx(ec, id)).filter((x) => x >= 0)),
    edges,
    cannotLink,
    ambiguous,
    discriminates: (a, b) => discriminates?.(sites[a] as Prepared, sites[b] as Prepared) ?? false,
    registryWeight: reg.weight,
    thresholds: t
  })

  // One link per person: its anchor, else the best candidate of any of its rows.
  const persons: PersonResult[] = clusters.map((cl) => {
    const frozen = cl.frozen >= 0 ? (ec.frozenPersons[cl.frozen] as FrozenSubject) : null
    const rows = cl.rows.map((r) => (sites[r] as Prepared).id)
    if (frozen?.settled) return { frozenId: frozen.subjectId, rows, link: null }
    const rejected = new Set((frozen?.rejected ?? []).map((id) => regIdx(ec, id)))
    const best = new Map<number, RowCand>()
    for (const r of cl.rows) {
      for (const cand of top[r] ?? []) {
        if (rejected.has(cand.target)) continue
        const cur = best.get(cand.target)
        if (!cur || cand.weight > cur.cand.weight) best.set(cand.target, { row: r, cand })
      }
    }
    const cands = [...best.values()].sort((a, b) => b.cand.weight - a.cand.weight)
    if (cl.anchor >= 0 && !cl.conflict) {
      const row = best.get(cl.anchor)?.row ?? (cl.rows.find((r) => anchor[r] === cl.anchor) as number)
      const ordered = [...cands.filter((c) => c.cand.target === cl.anchor), ...cands.filter((c) => c.cand.target !== cl.anchor)]
      return { frozenId: frozen?.subjectId ?? null, rows, link: reg.outcome(ordered, null, { row, target: cl.anchor }) }
    }
    const hold: HoldReason | null = cl.conflict ? 'conflict' : frozen ? 'rejected_before' : reg.hold(cands.slice(0, 5))
    return { frozenId: frozen?.subjectId ?? null, rows, link: reg.outcome(cands, hold) }
  })

  // No two persons auto-linked to one registry person.
  const confirmedOf = new Map(ec.frozenPersons.map((f) => [f.subjectId, f.confirmed]))
  const linkedTarget = (p: PersonResult): number | null =>
    p.link ? (p.link.status === 'auto' ? p.link.target : null) : p.frozenId === null ? null : (confirmedOf.get(p.frozenId) ?? null)
  const decided = redecide(
    persons.map((p) =>
      p.link
        ? {
            subjectKind: 'person' as const,
            status: p.link.status,
            weight: p.link.weight,
            hold: p.link.hold,
            target: p.link.target,
            decided: false
          }
        : { subjectKind: 'person' as const, status: 'confirmed' as const, weight: null, hold: null, target: linkedTarget(p), decided: true }
    ),
    t
  )
  persons.forEach((p, i) => {
    const d = decided[i]
    if (p.link && d) {
      p.link.status = d.status as MachineStatus
      p.link.hold = d.hold
    }
  })
  return { persons, dedupModel, dedupSummary, contradicts, linkedTarget }
}
