import type { Cand } from './candidates.ts'
import { TIE_MARGIN, type Thresholds } from './decide.ts'

/**
 * Site rows into persons. A person's doses sit at several sites under slightly different
 * spellings; rows are joined on two kinds of evidence:
 * 1. strong row-to-row matches (same phone, same ID, same name and birth date…), strongest
 *    first, but never two rows that contradict each other, never rows confidently linked
 *    to two different registry persons, never a row whose own registry evidence points
 *    clearly elsewhere (which keeps twins who share a phone and an address apart), and a row
 *    that could be either of two registry namesakes only on an ID or a phone;
 * 2. then the registry as witness: groups confidently linked to the same registry person
 *    are one person, unless they contradict each other. Then the clearly strongest group
 *    keeps the link and the others go to review as conflicts; without a clear winner all do.
 * Persons kept from earlier runs (a clerk decided their link) keep their rows and may
 * gain new ones; two of them never merge.
 */
export interface ClusterInput {
  rows: number
  /** Each row's registry candidates, best first. */
  top: readonly Cand[][]
  /** Registry index a row is confidently linked to on its own, or -1. */
  anchor: Int32Array
  /** Frozen person index per row, or -1. */
  frozenOf: Int32Array
  /** Registry index each frozen person is confirmed to, or -1. */
  frozenAnchor: readonly number[]
  /** Registry indices each frozen person was rejected for. */
  frozenRejected: readonly (readonly number[])[]
  /** Row-to-row edges at or above the merge weight, strongest first. */
  edges: readonly { a: number; b: number; weight: number }[]
  /**
   * Hard contradictions between two rows (given name, ID, birth date…). With `target`,
   * IDs that both agree with that registry person (its ID, or its old ID) count as the
   * rows agreeing on the ID, and two rows that each fit that person do not contradict.
   */
  cannotLink(a: number, b: number, target?: number): boolean
  /** Rows whose own registry candidates are a tie, twins or namesakes. */
  ambiguous: Uint8Array
  /** Whether two rows share an ID or a phone, which namesakes and twins do not. */
  discriminates(a: number, b: number): boolean
  /** A row's match weight to a registry person, computed if not among its candidates. */
  registryWeight(row: number, target: number): number
  thresholds: Thresholds
}

export interface Cluster {
  rows: number[]
  /** Registry index the person is linked to without doubt, or -1. */
  anchor: number
  /** Frozen person index, or -1. */
  frozen: number
  /** Set when groups that contradict each other all point at one registry person. */
  conflict: boolean
}

/** A group keeps a contested registry person only when it is this much stronger (1024:1). */
export const CONFLICT_MARGIN = 10

export function clusterRows(input: ClusterInput): Cluster[] {
  const n = input.rows
  const t = input.thresholds
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const find = (x: number): number => {
    let r = x
    while (parent[r] !== r) r = parent[r] as number
    let y = x
    while (parent[y] !== r) {
      const next = parent[y] as number
      parent[y] = r
      y = next
    }
    return r
  }
  const members = new Map<number, number[]>()
  const anchorOf = new Map<number, number>()
  const frozenOfRoot = new Map<number, number>()
  const rowsOf = (root: number): number[] => members.get(root) ?? [root]
  const union = (a: number, b: number): number => {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) return ra
    parent[rb] = ra
    members.set(ra, [...rowsOf(ra), ...rowsOf(rb)])
    members.delete(rb)
    if (!anchorOf.has(ra) && anchorOf.has(rb)) anchorOf.set(ra, anchorOf.get(rb) as number)
    anchorOf.delete(rb)
    if (!frozenOfRoot.has(ra) && frozenOfRoot.has(rb)) frozenOfRoot.set(ra, frozenOfRoot.get(rb) as number)
    frozenOfRoot.delete(rb)
    return ra
  }
  const contradict = (ra: number, rb: number, target?: number): boolean =>
    rowsOf(ra).some((x) => rowsOf(rb).some((y) => input.cannotLink(x, y, target)))

  // Frozen persons first: their rows are one group, whatever this run thinks.
  const frozenRoot = new Map<number, number>()
  for (let r = 0; r < n; r++) {
    const f = input.frozenOf[r] as number
    if (f < 0) continue
    const root = frozenRoot.get(f)
    if (root !== undefined) {
      union(root, r)
      continue
    }
    frozenRoot.set(f, r)
    frozenOfRoot.set(r, f)
    if ((input.frozenAnchor[f] as number) >= 0) anchorOf.set(r, input.frozenAnchor[f] as number)
  }
  for (let r = 0; r < n; r++) {
    if ((input.frozenOf[r] as number) < 0 && (input.anchor[r] as number) >= 0) anchorOf.set(r, input.anchor[r] as number)
  }

  // 1. Row-to-row edges, strongest first.
  const pointsElsewhere = (r: number, target: number): boolean => {
    const best = input.top[r]?.[0]
    if (!best || best.weight < t.review || best.target === target) return false
    return input.registryWeight(r, target) < best.weight - TIE_MARGIN
  }
  const targetsOf = (root: number): number[] => {
    const a = anchorOf.get(root)
    if (a !== undefined) return [a]
    const out = new Set<number>()
    for (const r of rowsOf(root)) {
      const best = input.top[r]?.[0]
      if (best && best.weight >= t.review) out.add(best.target)
    }
    return [...out]
  }
  const rejects = (root: number, target: number): boolean => {
    const f = frozenOfRoot.get(root)
    return f !== undefined && (input.frozenRejected[f] ?? []).includes(target)
  }
  // Rows not confidently linked themselves must not clearly prefer another registry person.
  const fits = (root: number, targets: number[]): boolean =>
    rowsOf(root).every((r) => (input.anchor[r] as number) >= 0 || !targets.some((x) => pointsElsewhere(r, x) || rejects(root, x)))
  for (const e of input.edges) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) continue
    const aa = anchorOf.get(ra)
    const ab = anchorOf.get(rb)
    if (aa !== undefined && ab !== undefined && aa !== ab) continue
    if (frozenOfRoot.has(ra) && frozenOfRoot.has(rb)) continue
    if (contradict(ra, rb)) continue
    // A row that could be either of two namesakes joins a linked group only on evidence
    // namesakes do not share: same name and birth date is what they do share.
    const linked = aa !== undefined || ab !== undefined
    if (linked && [...rowsOf(ra), ...rowsOf(rb)].some((r) => input.ambiguous[r]) && !input.discriminates(e.a, e.b)) continue
    if (!fits(ra, targetsOf(rb)) || !fits(rb, targetsOf(ra))) continue
    union(ra, rb)
  }

  // 2. Groups linked to the same registry person.
  const strength = (root: number, target: number): number => Math.max(...rowsOf(root).map((r) => input.registryWeight(r, target)))
  const byAnchor = new Map<number, number[]>()
  for (let r = 0; r < n; r++) {
    if (find(r) !== r) continue
    const a = anchorOf.get(r)
    if (a === undefined) continue
    const list = byAnchor.get(a) ?? []
    list.push(r)
    byAnchor.set(a, list)
  }
  const conflicted = new Set<number>()
  for (const [target, roots] of byAnchor) {
    if (roots.length === 1) continue
    // A clerk's person first, then the strongest evidence.
    const score = (root: number): number => (frozenOfRoot.has(root) ? Infinity : strength(root, target))
    roots.sort((x, y) => score(y) - score(x))
    const groups: number[] = []
    for (const root of roots) {
      // A CCCD on one row and a CMND on the other say nothing to each other, but both may
      // be this registry person's: then they are one person's ID.
      const g = groups.findIndex((other) => !contradict(other, root, target) && !(frozenOfRoot.has(other) && frozenOfRoot.has(root)))
      if (g >= 0) groups[g] = union(groups[g] as number, root)
      else groups.push(root)
    }
    if (groups.length === 1) continue
    const [first, second] = groups.map((g) => find(g))
    const keep = frozenOfRoot.has(first as number) || score(first as number) - score(second as number) >= CONFLICT_MARGIN
    for (const g of groups.map((x) => find(x))) {
      if (keep && g === find(first as number)) continue
      if (frozenOfRoot.has(g)) continue
      conflicted.add(g)
      anchorOf.delete(g)
    }
  }

  const seen = new Set<number>()
  const out: Cluster[] = []
  for (let r = 0; r < n; r++) {
    const root = find(r)
    if (seen.has(root)) continue
    seen.add(root)
    out.push({
      rows: [...rowsOf(root)].sort((x, y) => x - y),
      anchor: anchorOf.get(root) ?? -1,
      frozen: frozenOfRoot.get(root) ?? -1,
      conflict: conflicted.has(root)
    })
  }
  return out
}
