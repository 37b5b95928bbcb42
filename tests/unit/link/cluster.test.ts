import { describe, expect, it } from 'vitest'
import type { Cand } from '../../../main/core/link/candidates.ts'
import { clusterRows, type ClusterInput } from '../../../main/core/link/cluster.ts'

const t = { auto: 10, review: -4 }

/** A cluster input over n rows; override what the case needs. */
function input(n: number, x: Partial<ClusterInput>): ClusterInput {
  return {
    rows: n,
    top: Array.from({ length: n }, () => [] as Cand[]),
    anchor: new Int32Array(n).fill(-1),
    frozenOf: new Int32Array(n).fill(-1),
    frozenAnchor: [],
    frozenRejected: [],
    edges: [],
    cannotLink: () => false,
    ambiguous: new Uint8Array(n),
    discriminates: () => false,
    registryWeight: () => -50,
    thresholds: t,
    ...x
  }
}
const cand = (target: number, weight: number): Cand => ({ target, weight, pair: -1 })
const rowsOf = (cs: ReturnType<typeof clusterRows>) => cs.map((c) => c.rows)

describe('clustering site rows into persons', () => {
  it('puts rows confidently linked to one registry person together', () => {
    const cs = clusterRows(input(3, { anchor: Int32Array.from([7, -1, 7]), top: [[cand(7, 30)], [], [cand(7, 25)]] }))
    expect(rowsOf(cs)).toEqual([[0, 2], [1]])
    expect(cs[0]).toMatchObject({ anchor: 7, conflict: false })
  })

  it('splits rows that all claim one registry person but contradict each other, and flags the conflict', () => {
    const weights = [30, 25]
    const cs = clusterRows(
      input(2, {
        anchor: Int32Array.from([7, 7]),
        top: [[cand(7, 30)], [cand(7, 25)]],
        cannotLink: () => true,
        registryWeight: (r) => weights[r] as number
      })
    )
    expect(rowsOf(cs)).toEqual([[0], [1]])
    expect(cs.every((c) => c.conflict && c.anchor === -1)).toBe(true)
  })

  it('lets the clearly strongest of contradicting groups keep the registry person', () => {
    const weights = [40, 12]
    const cs = clusterRows(
      input(2, {
        anchor: Int32Array.from([7, 7]),
        top: [[cand(7, 40)], [cand(7, 12)]],
        cannotLink: () => true,
        registryWeight: (r) => weights[r] as number
      })
    )
    expect(cs).toEqual([
      { rows: [0], anchor: 7, frozen: -1, conflict: false },
      { rows: [1], anchor: -1, frozen: -1, conflict: true }
    ])
  })

  it('joins contradicting rows linked to one registry person when both IDs are that person’s', () => {
    // Row 0 gives the CCCD, row 1 the old CMND and a wrong birth year: apart, they contradict.
    const cs = clusterRows(
      input(2, {
        anchor: Int32Array.from([7, 7]),
        top: [[cand(7, 30)], [cand(7, 25)]],
        cannotLink: (_a, _b, target) => target !== 7,
        registryWeight: (r) => [30, 25][r] as number
      })
    )
    expect(cs).toEqual([{ rows: [0, 1], anchor: 7, frozen: -1, conflict: false }])
  })

  it('joins rows by their strongest evidence first: a shared phone beats a shared name', () => {
    // Rows 0 and 1 are one person (same phone); row 2 is a namesake linked to registry 7,
    // like row 0 on its own. Row 0 contradicts row 2 (different IDs).
    const cs = clusterRows(
      input(3, {
        anchor: Int32Array.from([7, -1, 7]),
        top: [[cand(7, 30)], [cand(7, 25)], [cand(7, 45)]],
        edges: [
          { a: 0, b: 1, weight: 35 },
          { a: 1, b: 2, weight: 13 }
        ],
        cannotLink: (a, b) => a + b === 2 && a !== b,
        registryWeight: (r) => [30, 25, 45][r] as number
      })
    )
    expect(rowsOf(cs)).toEqual([[0, 1], [2]])
    expect(cs[1]).toMatchObject({ anchor: 7, conflict: false })
    expect(cs[0]).toMatchObject({ anchor: -1, conflict: true })
  })

  it('joins an unlinked row to a linked one through a strong row-to-row match', () => {
    const cs = clusterRows(
      input(2, {
        anchor: Int32Array.from([7, -1]),
        top: [[cand(7, 30)], [cand(7, 2)]],
        edges: [{ a: 0, b: 1, weight: 25 }]
      })
    )
    expect(cs).toEqual([{ rows: [0, 1], anchor: 7, frozen: -1, conflict: false }])
  })

  it('keeps twins apart though they share a phone and an address: each row’s own registry evidence points elsewhere', () => {
    // Row 0 is twin A (linked), row 1 twin B: B's best candidate is B (8), far above A (7).
    const cs = clusterRows(
      input(2, {
        anchor: Int32Array.from([7, -1]),
        top: [
          [cand(7, 30), cand(8, 10)],
          [cand(8, 6), cand(7, -5)]
        ],
        edges: [{ a: 0, b: 1, weight: 20 }],
        registryWeight: (row, target) => (row === 1 && target === 7 ? -5 : 0)
      })
    )
    expect(rowsOf(cs)).toEqual([[0], [1]])
  })

  it('never merges two persons linked to different registry persons, nor rows that contradict', () => {
    const two = clusterRows(
      input(2, { anchor: Int32Array.from([7, 8]), top: [[cand(7, 30)], [cand(8, 30)]], edges: [{ a: 0, b: 1, weight: 40 }] })
    )
    expect(rowsOf(two)).toEqual([[0], [1]])
    const veto = clusterRows(input(2, { edges: [{ a: 0, b: 1, weight: 40 }], cannotLink: () => true }))
    expect(rowsOf(veto)).toEqual([[0], [1]])
  })

  it('does not chain: a row joins a group only if it contradicts none of its rows', () => {
    const cs = clusterRows(
      input(3, {
        edges: [
          { a: 0, b: 1, weight: 30 },
          { a: 1, b: 2, weight: 20 }
        ],
        cannotLink: (a, b) => (a === 0 && b === 2) || (a === 2 && b === 0)
      })
    )
    expect(rowsOf(cs)).toEqual([[0, 1], [2]])
  })

  it('keeps a clerk’s person together, lets new rows join it, never merges two of them', () => {
    const cs = clusterRows(
      input(4, {
        frozenOf: Int32Array.from([0, 0, 1, -1]),
        frozenAnchor: [7, -1],
        frozenRejected: [[], [9]],
        anchor: Int32Array.from([-1, -1, -1, 7]),
        top: [[], [], [], [cand(7, 30)]],
        edges: [{ a: 2, b: 0, weight: 40 }]
      })
    )
    expect(cs).toEqual([
      { rows: [0, 1, 3], anchor: 7, frozen: 0, conflict: false },
      { rows: [2], anchor: -1, frozen: 1, conflict: false }
    ])
  })
})
