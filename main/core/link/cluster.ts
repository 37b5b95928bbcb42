import type { Cand } from './candidates.ts'
import { TIE_MARGIN, type Thresholds } from './decide.ts'

/**
 * Site rows into persons. A person's doses sit at several sites under slightly different
 * spellings; the registry is the best witness of who is who, so:
 * 1. rows confidently linked to the same registry person are one person, unless they
 *    contradict each other (then each part goes to review as a conflict);
 * 2. strong row-to-row matches (same phone, same ID, same name and birth date…) then join
 *    rows, strongest first, but never two registry persons, never rows that contradict
 *    each other, and never a row whose own registry evidence points clearly elsewhere.
 *    That last rule is what keeps twins who share a phone and an address apart.
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
  /** Hard contradictions between two rows (given name, ID, birth date or gender). */
  cannotLink(a: number, b: number): boolean
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
  /** Set when rows that all point at one registry person contradict each other. */
  conflict: boolean
}

export function clusterRows(input: ClusterInput): Cluster[] {
  const n = input.rows
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
  const conflicted = new Set<number>()
  const rootOf = (x: number): number => find(x)
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
    if (conflicted.has(rb)) conflicted.add(ra)
    conflicted.delete(rb)
    return ra
  }

  // Frozen persons first: their rows are one cluster, whatever this run thinks.
  const frozenRoot = new Map<number, number>()
  for (let r = 0; r < n; r++) {
    const f = input.frozenOf[r] as number
    if (f < 0) continue
    const root = frozenRoot.get(f)
    if (root === undefined) {
      frozenRoot.set(f, r)
      frozenOfRoot.set(r, f)
      if ((input.frozenAnchor[f] as number) >= 0) anchorOf.set(r, input.frozenAnchor[f] as number)
    } else union(root, r)
  }

  // 1. Rows anchored to one registry person, split where they contradict each other.
  const byAnchor = new Map<number, number[]>()
  for (let r = 0; r < n; r++) {
    const a = input.anchor[r] as number
    if (a < 0 || (input.frozenOf[r] as number) >= 0) continue
    const list = byAnchor.get(a) ?? []
    list.push(r)
    byAnchor.set(a, list)
  }
  const anchoredFrozen = new Map<number, number>()
  for (const [f, root] of frozenRoot) {
    const a = input.frozenAnchor[f] as number
    if (a >= 0) anchoredFrozen.set(a, find(root))
  }
  for (const [target, list] of byAnchor) {
    const weightTo = (r: number): number => input.top[r]?.[0]?.weight ?? 0
    list.sort((x, y) => weightTo(y) - weightTo(x))
    const groups: number[][] = []
    const frozenRootHere = anchoredFrozen.get(target)
    if (frozenRootHere !== undefined) groups.push([...rowsOf(find(frozenRootHere))])
    for (const r of list) {
      const g = groups.find((rows) => !rows.some((x) => input.cannotLink(x, r)))
      if (g) g.push(r)
      else groups.push([r])
    }
    const split = groups.length > 1
    for (const g of groups) {
      let root = find(g[0] as number)
      for (const r of g.slice(1)) root = union(root, r)
      root = find(root)
      if (split) {
        // Contradicting rows all claim this registry person: a clerk decides (a clerk's
        // own earlier link stands).
        if (frozenOfRoot.has(root)) continue
        conflicted.add(root)
        anchorOf.delete(root)
      } else anchorOf.set(root, target)
    }
  }

  // 2. Row-to-row edges, strongest first.
  const t = input.thresholds
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
  for (const e of input.edges) {
    const ra = rootOf(e.a)
    const rb = rootOf(e.b)
    if (ra === rb) continue
    if (anchorOf.has(ra) && anchorOf.has(rb)) continue
    if (frozenOfRoot.has(ra) && frozenOfRoot.has(rb)) continue
    const rowsA = rowsOf(ra)
    const rowsB = rowsOf(rb)
    if (rowsA.some((x) => rowsB.some((y) => input.cannotLink(x, y)))) continue
    const ta = targetsOf(ra)
    const tb = targetsOf(rb)
    if (!anchorOf.has(ra) && rowsA.some((r) => tb.some((x) => pointsElsewhere(r, x) || rejects(ra, x)))) continue
    if (!anchorOf.has(rb) && rowsB.some((r) => ta.some((x) => pointsElsewhere(r, x) || rejects(rb, x)))) continue
    union(ra, rb)
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
