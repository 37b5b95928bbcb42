import { statusFor } from '../decide.ts'
import type { EngineContext } from './context.ts'
import type { RegistryLinks } from './registry.ts'

/** Each site row decided on its own, before rows are grouped into persons. */
export interface Anchors {
  /** Per site row, the index of the frozen person it belongs to, or -1. */
  frozenOf: Int32Array
  /** Per site row, the registry person it links to confidently on its own, or -1. */
  anchor: Int32Array
  /** Per site row, 1 when its candidates tie or are twins or namesakes. */
  ambiguous: Uint8Array
}

/** Confidently linked rows anchor persons; rows of a clerk's person stay with it. */
export function anchorRows(ec: EngineContext, reg: RegistryLinks): Anchors {
  const { sites, thresholds: t } = ec
  ec.job.progress({ done: 0, total: null, stage: 'decide' })
  const frozenOf = new Int32Array(sites.length).fill(-1)
  ec.frozenPersons.forEach((f, i) => {
    for (const id of f.rows) {
      const r = ec.siteIndex.get(id)
      if (r !== undefined) frozenOf[r] = i
    }
  })
  const anchor = new Int32Array(sites.length).fill(-1)
  const ambiguous = new Uint8Array(sites.length)
  for (let r = 0; r < sites.length; r++) {
    if ((frozenOf[r] as number) >= 0) continue
    const cands = (reg.top[r] ?? []).map((cand) => ({ row: r, cand }))
    const best = cands[0]
    if (!best || best.cand.weight < t.review) continue
    const hold = reg.hold(cands)
    if (statusFor(best.cand.weight, hold, t) === 'auto') anchor[r] = best.cand.target
    if (hold === 'tie' || hold === 'twin' || hold === 'namesake') ambiguous[r] = 1
  }
  return { frozenOf, anchor, ambiguous }
}
