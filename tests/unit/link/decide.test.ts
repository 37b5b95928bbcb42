import { describe, expect, it } from 'vitest'
import { holdFor, statusFor, type CandidateView } from '../../../main/core/link/decide.ts'
import { redecide, type LinkState } from '../../../main/core/link/redecide.ts'

const t = { auto: 10, review: -4 }
const cand = (weight: number, extra: Partial<CandidateView> = {}): CandidateView => ({
  weight,
  idAgrees: false,
  namesakes: 1,
  twins: 1,
  givenLevel: 0,
  ...extra
})

describe('decisions', () => {
  it('sorts by the two thresholds', () => {
    expect(statusFor(12, null, t)).toBe('auto')
    expect(statusFor(10, null, t)).toBe('auto')
    expect(statusFor(9.9, null, t)).toBe('review')
    expect(statusFor(-4, null, t)).toBe('review')
    expect(statusFor(-4.1, null, t)).toBe('none')
    expect(statusFor(null, null, t)).toBe('none')
  })

  it('sends held links to review whatever their weight, and hopeless ones nowhere', () => {
    expect(statusFor(30, 'tie', t)).toBe('review')
    expect(statusFor(-20, 'tie', t)).toBe('none')
  })

  it('holds ties and near-ties', () => {
    expect(holdFor([cand(30), cand(27)], () => false)).toBe('tie')
    expect(holdFor([cand(30), cand(25)], () => false)).toBeNull()
    expect(holdFor([cand(30)], () => false)).toBeNull()
  })

  it('holds a best candidate whose ID conflicts, each ID fitting its own record, however strong the rest', () => {
    expect(holdFor([cand(30, { idConflict: true })], () => false)).toBe('id_conflict')
    expect(holdFor([cand(30, { idConflict: false })], () => false)).toBeNull()
  })

  it('holds a candidate with a twin unless the ID settles it', () => {
    const twin = (i: number, j: number) => i === 0 && j === 1
    expect(holdFor([cand(25), cand(12, { givenLevel: 5 })], twin)).toBe('twin')
    expect(holdFor([cand(25, { idAgrees: true }), cand(12, { givenLevel: 5 })], twin)).toBeNull()
    // The ID agrees with the best but the twin fits the given name as well: the ID may be the twin's.
    expect(holdFor([cand(25, { idAgrees: true, givenLevel: 5 }), cand(12, { givenLevel: 0 })], twin)).toBe('twin')
    // A sibling far below is no contender.
    expect(holdFor([cand(30), cand(5, { givenLevel: 5 })], twin)).toBeNull()
  })

  it('holds a registry twin even when the sibling is no candidate, unless the ID settles it', () => {
    expect(holdFor([cand(30, { twins: 2 })], () => false)).toBe('twin')
    expect(holdFor([cand(30, { twins: 2, idAgrees: true })], () => false)).toBeNull()
  })

  it('lets the given name tell twins apart where it contradicts the twin’s and not the candidate’s', () => {
    const twin = (i: number, j: number) => i === 0 && j === 1
    expect(holdFor([cand(25), cand(12, { givenLevel: 6, givenContradicts: true })], twin)).toBeNull()
    // Both given names contradict the subject's: nothing tells them apart.
    expect(holdFor([cand(25, { givenContradicts: true }), cand(12, { givenContradicts: true })], twin)).toBe('twin')
    expect(holdFor([cand(30, { twins: 2, twinsApart: true })], () => false)).toBeNull()
    expect(holdFor([cand(30, { twins: 2, twinsApart: false })], () => false)).toBe('twin')
  })

  it('lets what the subject shares with one namesake alone (ID slip, household) tell namesakes apart', () => {
    expect(holdFor([cand(20, { namesakes: 2, namesakesApart: true })], () => false)).toBeNull()
    expect(holdFor([cand(20, { namesakes: 2, namesakesApart: false })], () => false)).toBe('namesake')
  })

  it('holds namesakes (same name and birth date in the registry) unless the ID settles it', () => {
    expect(holdFor([cand(20, { namesakes: 2 })], () => false)).toBe('namesake')
    expect(holdFor([cand(20, { namesakes: 2, idAgrees: true })], () => false)).toBeNull()
  })
})

describe('re-deciding', () => {
  const link = (x: Partial<LinkState>): LinkState => ({
    subjectKind: 'person',
    status: 'none',
    weight: 20,
    hold: null,
    target: 1,
    decided: false,
    ...x
  })

  it('never lets two persons auto-link to one registry person', () => {
    const out = redecide([link({ target: 7 }), link({ target: 7, weight: 30 }), link({ target: 8 })], t)
    expect(out.map((o) => o.status)).toEqual(['review', 'review', 'auto'])
    expect(out[0]?.hold).toBe('shared_target')
  })

  it('counts a clerk’s confirmed link as a claim, and leaves decided links alone', () => {
    const out = redecide([link({ target: 7, status: 'confirmed', decided: true, weight: null }), link({ target: 7 })], t)
    expect(out.map((o) => o.status)).toEqual(['confirmed', 'review'])
    expect(redecide([link({ status: 'rejected', decided: true })], t)[0]?.status).toBe('rejected')
  })

  it('lets complaints share a registry person with anyone, and releases shared_target when the conflict goes', () => {
    expect(redecide([link({ target: 7 }), link({ target: 7, subjectKind: 'complaint' })], t).map((o) => o.status)).toEqual(['auto', 'auto'])
    expect(redecide([link({ target: 7, hold: 'shared_target', status: 'review' })], t)[0]).toEqual({ status: 'auto', hold: null })
  })

  it('follows moved thresholds', () => {
    expect(redecide([link({ weight: 8 })], { auto: 6, review: 0 })[0]?.status).toBe('auto')
    expect(redecide([link({ weight: 8 })], { auto: 12, review: 9 })[0]?.status).toBe('none')
  })
})
