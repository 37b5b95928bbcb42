/**
 * Turning match weights into decisions. Two thresholds (in bits of match weight) sort
 * every subject: at or above `auto` it is linked, at or above `review` a clerk decides,
 * below it there is no link. Some links are held back from auto-linking whatever their
 * weight, for a reason kept with the link so moving the thresholds never undoes it.
 */
export interface Thresholds {
  auto: number
  review: number
}

/**
 * Defaults: auto-link at a match probability of about 0.999 (weight 10), review from
 * about 0.06 (weight −4). Calibrated on the demo data; see the README's quality tables.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { auto: 10, review: -4 }

/** A runner-up within this many bits of the best (16:1 odds) is a near-tie. */
export const TIE_MARGIN = 4

/**
 * A registry sibling of the best candidate (same birth date and family name) within this
 * many bits is a contender: twins differ mainly in the given name, worth about this much.
 */
export const SIBLING_MARGIN = 16

export const STATUSES = ['auto', 'review', 'none', 'confirmed', 'rejected'] as const
export type LinkStatus = (typeof STATUSES)[number]
export type MachineStatus = 'auto' | 'review' | 'none'

/**
 * Why a link may not be made automatically:
 * - tie: the runner-up is within TIE_MARGIN bits of the best;
 * - twin: a strong runner-up shares the birth date and family name (a twin or sibling),
 *   or the registry holds the candidate's twin, and neither the ID nor the rest settles it
 *   (the subject's given name contradicts the twin's, or the twin scores far below);
 * - namesake: the registry holds two or more people with this name and birth date, and
 *   nothing the subject shares with the candidate alone settles it (its ID or a slip of
 *   it, its household);
 * - conflict: this person's rows contradict each other, yet point at one registry person;
 * - rejected_before: a clerk already rejected a link for this subject, so only a clerk
 *   links it again;
 * - shared_target: another site person would be auto-linked to the same registry person
 *   (re-evaluated whenever thresholds move, as it depends on which links are auto);
 * - id_conflict: the IDs differ and each fits its own record (the CCCD's birth year and
 *   sex): that is two people as often as a slip, however well the rest agrees (a person
 *   missing from the registry meets someone else with the same name and birth date).
 * All but shared_target depend only on the candidates, never on the thresholds.
 */
export const HOLD_REASONS = ['tie', 'twin', 'namesake', 'conflict', 'rejected_before', 'shared_target', 'id_conflict'] as const
export type HoldReason = (typeof HOLD_REASONS)[number]

export function statusFor(weight: number | null, hold: HoldReason | null, t: Thresholds): MachineStatus {
  if (weight === null || weight < t.review) return 'none'
  return weight >= t.auto && hold === null ? 'auto' : 'review'
}

/** What the hold rules need to know about one candidate. */
export interface CandidateView {
  weight: number
  /** The ID comparison agreed (same ID, or CMND–CCCD crosswalk). */
  idAgrees: boolean
  /** Registry people with this candidate's name and birth date (the candidate included). */
  namesakes: number
  /**
   * Registry people sharing this candidate's birth date, family name and place, under
   * another given name (the candidate included): twins, as the registry records them.
   */
  twins: number
  /** The given-name level (0 exact … 6 different; -1 missing): lower agrees better. */
  givenLevel: number
  /** The IDs conflict, each fitting its own record (not a slip, not someone else's on the row). */
  idConflict?: boolean
  /**
   * The given name disagrees at a level the data weighs as a contradiction (a veto): in
   * Vietnamese data a different given name, which is what tells twins apart.
   */
  givenContradicts?: boolean
  /**
   * Every registry twin of this candidate is told apart from it: by a given name that
   * contradicts the subject's, or by scoring SIBLING_MARGIN below it.
   */
  twinsApart?: boolean
  /**
   * The subject shares with this candidate something none of its registry namesakes has:
   * the ID or a slip of it, or the household (house, street and ward).
   */
  namesakesApart?: boolean
}

const givenRank = (l: number): number => (l < 0 ? 9 : l)

/**
 * The hold reason for a subject whose candidates are sorted by weight, best first.
 * `siblings(i, j)` says whether candidates i and j share birth date and family name
 * but not the given name.
 */
export function holdFor(cands: readonly CandidateView[], siblings: (i: number, j: number) => boolean): HoldReason | null {
  const best = cands[0]
  if (!best) return null
  const second = cands[1]
  if (second && best.weight - second.weight < TIE_MARGIN) return 'tie'
  for (let j = 1; j < cands.length; j++) {
    const c = cands[j] as CandidateView
    if (c.weight < best.weight - SIBLING_MARGIN || !siblings(0, j)) continue
    // The given name tells them apart: it contradicts the sibling's, not the best's.
    if (c.givenContradicts === true && best.givenContradicts !== true) continue
    // A sibling fits the given name at least as well: even an agreeing ID may be the twin's.
    if (!best.idAgrees || givenRank(c.givenLevel) <= givenRank(best.givenLevel)) return 'twin'
  }
  // A twin or namesake is linked by a clerk unless the ID settles it, even when the
  // other one is not among the candidates: a sex or a phone is too thin to tell them apart.
  // Twins have given names of their own, which settle it when the subject's contradicts
  // every twin's or the twins score far below; namesakes share theirs, and are told apart
  // only by what is their own.
  if (!best.idAgrees && best.namesakes >= 2 && best.namesakesApart !== true) return 'namesake'
  if (!best.idAgrees && best.twins >= 2 && best.twinsApart !== true) return 'twin'
  if (best.idConflict) return 'id_conflict'
  return null
}
