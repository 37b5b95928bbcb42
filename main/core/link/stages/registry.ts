import { topCandidates, type Cand } from '../candidates.ts'
import { cccdEmbedded } from '../compare/cccd.ts'
import { compareInto } from '../compare/index.ts'
import { holdFor, SIBLING_MARGIN, statusFor, type CandidateView, type HoldReason, type MachineStatus } from '../decide.ts'
import type { LinkOutcome } from '../engine-types.ts'
import { levelWeights, probability, scorePair } from '../model/score.ts'
import type { Prepared } from '../prepare.ts'
import { VETO_BITS } from '../veto.ts'
import type { EngineContext } from './context.ts'
import { fit, type Fitted } from './fit.ts'
import { namesakeGroups, siblings, twinGroups } from './registry-groups.ts'

/** A registry candidate with the subject row that scored it. */
export interface RowCand {
  row: number
  cand: Cand
}

/** Site rows and complaints linked to the registry, one model for both. */
export interface RegistryLinks {
  /** Null when there are no registry persons or no subjects. */
  fit: Fitted | null
  /** Each subject's best registry candidates, strongest first. */
  top: Cand[][]
  /** A subject's weight against a registry person: from its candidates, or scored now. */
  weight(subject: number, target: number): number
  /** Whether a subject's ID is a registry person's ID or old ID (exact, or the crosswalk). */
  idAgrees(subject: number, target: number): boolean
  /** Why candidates must wait for a clerk (a tie, twins, namesakes, an ID conflict), or null. */
  hold(cands: readonly RowCand[]): HoldReason | null
  /** The link of a subject from its candidates, or the one `forced` (a person's anchor). */
  outcome(cands: readonly RowCand[], hold: HoldReason | null, forced?: { row: number; target: number }): LinkOutcome
}

/** The ID levels that say the same person: exact, or the CMND–CCCD crosswalk. */
const idLevelAgrees = (l: number): boolean => l === 0 || l === 1
/**
 * …or a slip of it (one digit, two adjacent digits swapped), which is one person's among
 * namesakes: their IDs are unrelated. Not among twins, whose IDs are often consecutive.
 */
const idLevelNear = (l: number): boolean => l >= 0 && l <= 2
/** The location level of the same house, street and ward: a household. */
const HOUSEHOLD = 0
/** Location levels from another ward on. */
const OTHER_WARD = 2

/** Candidates stored per subject for the review panel. */
const STORED_CANDIDATES = 3
/** …if within this many bits of the review threshold… */
const STORED_BELOW_REVIEW = 10
/** …and of the best candidate (a clerk never needs one a million times less likely). */
const STORED_BELOW_BEST = 20

export function linkToRegistry(ec: EngineContext): RegistryLinks {
  const { subjects, registry, thresholds: t } = ec
  const collected = topCandidates(subjects.length)
  const linkFit =
    registry.length > 0 && subjects.length > 0
      ? fit(ec, subjects, registry, { pool: ec.pool, a: 'subjects', b: 'registry' }, false, 'link', collected.add)
      : null
  const top: Cand[][] = collected.top
  const namesakes = namesakeGroups(registry)
  const twins = twinGroups(registry)

  const weight = (subject: number, target: number): number => {
    const hit = top[subject]?.find((c) => c.target === target)
    if (hit) return hit.weight
    return linkFit ? scorePair(linkFit.model, subjects[subject] as Prepared, registry[target] as Prepared) : -Infinity
  }

  const linkCs = linkFit ? linkFit.model.comparisons.map((f) => f.comparison) : []
  const idC = linkCs.findIndex((c) => c.name === 'national_id')
  const givenC = linkCs.findIndex((c) => c.name === 'given_name')
  const locC = linkCs.findIndex((c) => c.name === 'location')
  // An ID conflict holds a link only where the data says matches rarely have one (EM put
  // it at a veto's weight) and both IDs are CCCDs, whose embedded birth year and sex can
  // show that each fits its own record. FEBRL's social-security numbers carry nothing and
  // its duplicates often change them, and EM learns that.
  const weights = linkFit ? levelWeights(linkFit.model) : []
  const idConflictLevel = idC >= 0 && linkFit ? (linkCs[idC] as (typeof linkCs)[number]).levels.indexOf('conflict') : -1
  const idConflictHolds = idConflictLevel >= 0 && ((weights[idC] as number[])[idConflictLevel] as number) <= VETO_BITS
  // A given name at a veto's weight says another person (EM learns that a different given
  // name does in Vietnamese data, and not in FEBRL's, whose duplicates change names).
  const givenContradicts = (l: number): boolean => l >= 0 && ((weights[givenC] ?? [])[l] ?? 0) <= VETO_BITS
  const bothCccd = (row: number, target: number): boolean =>
    cccdEmbedded((subjects[row] as Prepared).nationalId ?? '') !== null &&
    cccdEmbedded((registry[target] as Prepared).nationalId ?? '') !== null
  const scratchLevels = new Int8Array(linkCs.length)
  /** A candidate's level on comparison c: from the compared pairs, or compared now. */
  const levelOf = (row: number, cand: Cand, c: number): number => {
    if (c < 0 || !linkFit) return -1
    if (cand.pair >= 0) return linkFit.compared.levels[cand.pair * linkFit.compared.width + c] as number
    compareInto(linkCs, subjects[row] as Prepared, registry[cand.target] as Prepared, scratchLevels)
    return scratchLevels[c] as number
  }

  const idAgrees = (subject: number, target: number): boolean => {
    const cand = top[subject]?.find((c) => c.target === target) ?? { target, weight: -Infinity, pair: -1 }
    return idLevelAgrees(levelOf(subject, cand, idC))
  }

  /**
   * Whether every registry twin of target is told apart from target for a subject row: its
   * given name contradicts the row's, or it scores far below (SIBLING_MARGIN, as for a
   * sibling among the candidates): one letter of the given name apart and in another house.
   */
  const twinsApart = (row: number, cand: Cand): boolean =>
    (twins.members.get(cand.target) ?? []).every(
      (m) =>
        m === cand.target ||
        givenContradicts(levelOf(row, { target: m, weight: -Infinity, pair: -1 }, givenC)) ||
        weight(row, m) < cand.weight - SIBLING_MARGIN
    )

  /**
   * Whether a subject row shares with target what none of target's registry namesakes has:
   * the ID or a slip of it, or the household where the namesakes live in other wards.
   */
  const namesakesApart = (row: number, cand: Cand): boolean => {
    const others = (namesakes.members.get(cand.target) ?? []).filter((m) => m !== cand.target)
    const levelsOf = (c: number): number[] => others.map((m) => levelOf(row, { target: m, weight: -Infinity, pair: -1 }, c))
    if (idLevelNear(levelOf(row, cand, idC)) && !levelsOf(idC).some(idLevelNear)) return true
    return levelOf(row, cand, locC) === HOUSEHOLD && levelsOf(locC).every((l) => l >= OTHER_WARD)
  }

  const hold = (cands: readonly RowCand[]): HoldReason | null => {
    if (!linkFit) return null
    const views: CandidateView[] = cands.map(({ row, cand }, i) => {
      const idL = levelOf(row, cand, idC)
      const givenL = levelOf(row, cand, givenC)
      const twinCount = twins.sizes[cand.target] as number
      const namesakeCount = namesakes.sizes[cand.target] as number
      return {
        weight: cand.weight,
        idAgrees: idLevelAgrees(idL),
        idConflict: idConflictHolds && idL === idConflictLevel && bothCccd(row, cand.target),
        namesakes: namesakeCount,
        twins: twinCount,
        givenLevel: givenL,
        givenContradicts: givenContradicts(givenL),
        // Only the best candidate's twins matter (holdFor reads no other).
        twinsApart: i === 0 && twinCount >= 2 && !givenContradicts(givenL) && twinsApart(row, cand),
        namesakesApart: i === 0 && namesakeCount >= 2 && namesakesApart(row, cand)
      }
    })
    return holdFor(views, (i, j) =>
      siblings(registry[(cands[i] as RowCand).cand.target] as Prepared, registry[(cands[j] as RowCand).cand.target] as Prepared)
    )
  }

  const outcome = (cands: readonly RowCand[], hold: HoldReason | null, forced?: { row: number; target: number }): LinkOutcome => {
    const bestRow = forced?.row ?? cands[0]?.row
    const target = forced?.target ?? cands[0]?.cand.target
    if (!linkFit || bestRow === undefined || target === undefined) {
      return { target: null, weight: null, probability: null, status: 'none', hold: null, pair: null, candidates: [] }
    }
    const w = forced ? weight(forced.row, forced.target) : (cands[0] as RowCand).cand.weight
    const status: MachineStatus = forced ? 'auto' : statusFor(w, hold, t)
    // A best candidate far below review is no candidate at all.
    const hopeless = status === 'none' && w < t.review - STORED_BELOW_REVIEW
    const candidates = cands
      .filter((c) => c.cand.weight >= Math.max(t.review - STORED_BELOW_REVIEW, w - STORED_BELOW_BEST))
      .slice(0, STORED_CANDIDATES)
      .map((c) => ({
        target: (registry[c.cand.target] as Prepared).id,
        weight: c.cand.weight,
        pair: { subject: c.row, target: c.cand.target }
      }))
    const pair = hopeless ? null : { subject: bestRow, target }
    return {
      target: hopeless ? null : (registry[target] as Prepared).id,
      weight: w,
      probability: probability(w),
      status,
      hold,
      pair,
      candidates
    }
  }

  return { fit: linkFit, top, weight, idAgrees, hold, outcome }
}
