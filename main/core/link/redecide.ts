import { statusFor, type HoldReason, type LinkStatus, type Thresholds } from './decide.ts'

/** What re-deciding a link needs to know. */
export interface LinkState {
  subjectKind: 'person' | 'complaint'
  status: LinkStatus
  weight: number | null
  hold: HoldReason | null
  target: number | null
  /** A clerk decided it: it is never changed, but a confirmed link still claims its target. */
  decided: boolean
}

/**
 * Sorts undecided links by the thresholds, then makes sure no two site persons are
 * auto-linked to one registry person (nor one auto-linked to someone a clerk confirmed
 * for another person): those auto links go to review as shared_target. Complaints are not
 * persons, so they may share a registry person with anyone. Returns the new status and
 * hold of each link, in input order.
 */
export function redecide(links: readonly LinkState[], t: Thresholds): { status: LinkStatus; hold: HoldReason | null }[] {
  const out = links.map((l) => {
    if (l.decided) return { status: l.status, hold: l.hold }
    const hold = l.hold === 'shared_target' ? null : l.hold
    return { status: statusFor(l.weight, hold, t) as LinkStatus, hold }
  })
  const claims = new Map<number, number[]>()
  links.forEach((l, i) => {
    const s = (out[i] as { status: LinkStatus }).status
    if (l.subjectKind !== 'person' || l.target === null || (s !== 'auto' && s !== 'confirmed')) return
    const list = claims.get(l.target) ?? []
    list.push(i)
    claims.set(l.target, list)
  })
  for (const list of claims.values()) {
    if (list.length < 2) continue
    for (const i of list) {
      const o = out[i] as { status: LinkStatus; hold: HoldReason | null }
      if (o.status === 'auto') out[i] = { status: 'review', hold: 'shared_target' }
    }
  }
  return out
}
