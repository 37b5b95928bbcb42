import type { CandidatePairs } from './block-pairs.ts'
import type { Evidence } from './complaint-evidence.ts'
import type { HoldReason, MachineStatus, Thresholds } from './decide.ts'
import type { DoseIssue } from './dose-checks.ts'
import type { FitReport } from './model/fit.ts'
import type { Contribution } from './model/score.ts'
import type { Prepared } from './prepare.ts'

export interface EngineOptions {
  thresholds: Thresholds
  seed: number
  /** Random pairs compared to estimate u. */
  maxRandomPairs: number
  duplicateWindowDays: number
  /** YYYY-MM-DD, for the "dose in the future" check. */
  today: string
  /** Threads comparing pairs, this one included (default 1); the links do not depend on it. */
  threads?: number
}

/** A subject a clerk already decided: its decisions stand and its rows stay together. */
export interface FrozenSubject {
  /** persons.id for a person, records.id for a complaint. */
  subjectId: number
  /** Site record ids of a person (empty for a complaint). */
  rows: number[]
  /** A clerk confirmed the link: to `confirmed`, or to nobody (null). No machine link then. */
  settled: boolean
  /** Registry record id a clerk confirmed, if any. */
  confirmed: number | null
  /** Registry record ids a clerk rejected. */
  rejected: number[]
}

export interface EngineInput {
  sites: Prepared[]
  registry: Prepared[]
  complaints: Prepared[]
  frozenPersons: FrozenSubject[]
  frozenComplaints: FrozenSubject[]
}

/**
 * Which pair a waterfall explains: the subject (index into sites then complaints) and the
 * registry person (index into the registry). Waterfalls are built only when stored, one
 * at a time: held for a million subjects they would take gigabytes.
 */
export interface PairRef {
  subject: number
  target: number
}

export interface CandidateOut {
  /** registry records.id */
  target: number
  weight: number
  pair: PairRef
}

/** The machine's link for one subject; registry ids are records.id. */
export interface LinkOutcome {
  target: number | null
  weight: number | null
  probability: number | null
  status: MachineStatus
  hold: HoldReason | null
  /** The pair the waterfall explains; null when there is no candidate worth showing. */
  pair: PairRef | null
  candidates: CandidateOut[]
}

export interface PersonResult {
  /** persons.id of a person kept from an earlier run, else null (a new person). */
  frozenId: number | null
  /** Site record ids. */
  rows: number[]
  /** Null when a clerk's confirmed link stands. */
  link: LinkOutcome | null
}

export interface ComplaintResult {
  recordId: number
  /** Null when a clerk's confirmed link stands. */
  link: LinkOutcome | null
  /** Index into persons. */
  person: number | null
  evidence: Evidence[]
}

export interface ModelSummary {
  lambda: number
  priorWeight: number
  comparisons: { name: string; field: string; levels: readonly string[]; m: number[]; u: number[]; weights: number[] }[]
  fit: FitReport
  blocking: CandidatePairs['stats']
  candidatePairs: number
}

export interface EngineResult {
  persons: PersonResult[]
  complaints: ComplaintResult[]
  doseIssues: (DoseIssue & { person: number })[]
  /** The waterfall of one pair, built when asked. */
  explain(pair: PairRef): Contribution[]
  link: ModelSummary | null
  dedup: ModelSummary | null
}
