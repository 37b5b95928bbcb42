import { topCandidates, type Cand } from '../candidates.ts'
import { cccdEmbedded } from '../compare/cccd.ts'
import { compareInto } from '../compare/index.ts'
import { holdFor, statusFor, type CandidateView, type HoldReason, type MachineStatus } from '../decide.ts'
import type { LinkOutcome } from '../engine-types.ts'
import { levelWeights, probability, scorePair, type LinkModel } from '../model/score.ts'
import type { Prepared } from '../prepare.ts'
import { VETO_BITS } from '../veto.ts'
import type { EngineContext } from './context.ts'
import { fit, type Fitted } from './fit.ts'
import { namesakeCounts, siblings, twinCounts } from './registry-groups.ts'

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
  const namesakes = namesakeCounts(registry)
  const twins = twinCounts(registry)

  const weight = (subject: number, target: number): number => {
    const hit = top[subject]?.find((c) => c.target === target)
    if (hit) return hit.weight
    return linkFit ? scorePair(linkFit.model, subjects[subject] as Prepared, registry[target] as Prepared) : -Infinity
  }

  const linkCs = linkFit ? linkFit.model.comparisons.map((f) => f.comparison) : []
  const idC = linkCs.findIndex((c) => c.name === 'national_id')
  const givenC = linkCs.findIndex((c) => c.name === 'given_name')
  // An ID conflict holds a link only where the data says matches rarely have one (EM put
  // it at a veto's weight) and both IDs are CCCDs, whose embedded birth year and sex can
  // show that each fits its own record. FEBRL's social-security numbers carry nothing and
  // its duplicates often change them, and EM learns that.
  const idConflictLevel = idC >= 0 && linkFit ? (linkCs[idC] as (typeof linkCs)[number]).levels.indexOf('conflict') : -1
  const idConflictHolds =
    idConflictLevel >= 0 && ((levelWeights(linkFit?.model as LinkModel)[idC] as number[])[idConflictLevel] as number) <= VETO_BITS
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

  const hold = (cands: readonly RowCand[]): HoldReason | null => {
    if (!linkFit) return null
    const views: CandidateView[] = cands.map(({ row, cand }) => {
      const idL = levelOf(row, cand, idC)
      return {
        weight: cand.weight,
        idAgrees: idLevelAgrees(idL),
        idConflict: idConflictHolds && idL === idConflictLevel && bothCccd(row, cand.target),
        namesakes: namesakes[cand.target] as number,
        twins: twins[cand.target] as number,
        givenLevel: levelOf(row, cand, givenC)
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
