import type { JobContext } from '../base/job-context.ts'
import { block, type CandidatePairs } from './block.ts'
import { topCandidates, strongEdges, type Cand } from './candidates.ts'
import { clusterRows } from './cluster.ts'
import { compareInto } from './compare/index.ts'
import { complaintEvidence, type Evidence } from './complaint-evidence.ts'
import { holdFor, statusFor, type CandidateView, type HoldReason, type MachineStatus, type Thresholds } from './decide.ts'
import { redecide } from './redecide.ts'
import { contradiction, discriminating, VETO_BITS } from './veto.ts'
import { cccdEmbedded } from './compare/cccd.ts'
import { checkDoses, type DoseIssue } from './dose-checks.ts'
import { comparePairs, fitModel, pairWeights, type ComparedPairs, type FitReport } from './model/fit.ts'
import { explain, levelWeights, probability, scorePair, type Contribution, type LinkModel } from './model/score.ts'
import { buildTermFrequencies } from './model/tf.ts'
import type { PairSource } from './model/u-sample.ts'
import { ComparePool } from './compare-pool.ts'
import { family, given, type Prepared, type PreparedDob, type PreparedName } from './prepare.ts'

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

/** Birth date and family name, what siblings share; null without a full date and a two-part name. */
function siblingKey(r: Prepared): string | null {
  return r.dob && r.dob.m > 0 && r.name && r.name.folded.length > 1 ? `${dobString(r.dob)}|${family(r.name)}` : null
}

/**
 * Per record, the size of the group sharing its key (1 without a key or alone), for the
 * groups `counts` accepts.
 */
function groupSizes(
  rs: readonly Prepared[],
  key: (r: Prepared) => string | null,
  counts: (members: number[]) => boolean = (m) => m.length > 1
): Int32Array {
  const groups = new Map<string, number[]>()
  rs.forEach((r, i) => {
    const k = key(r)
    if (k === null) return
    const list = groups.get(k)
    if (list) list.push(i)
    else groups.set(k, [i])
  })
  const sizes = new Int32Array(rs.length).fill(1)
  for (const members of groups.values()) if (members.length > 1 && counts(members)) for (const i of members) sizes[i] = members.length
  return sizes
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

/** Candidates stored per subject for the review panel. */
const STORED_CANDIDATES = 3
/** …if within this many bits of the review threshold… */
const STORED_BELOW_REVIEW = 10
/** …and of the best candidate (a clerk never needs one a million times less likely). */
const STORED_BELOW_BEST = 20

function summarize(model: LinkModel, report: FitReport, pairs: CandidatePairs): ModelSummary {
  const r4 = (x: number): number => Number(x.toPrecision(4))
  return {
    lambda: model.lambda,
    priorWeight: r4(Math.log2(model.lambda / (1 - model.lambda))),
    comparisons: model.comparisons.map((f) => ({
      name: f.comparison.name,
      field: f.comparison.field,
      levels: f.comparison.levels,
      m: f.m.map(r4),
      u: f.u.map(r4),
      weights: f.m.map((m, l) => r4(Math.log2(m / (f.u[l] as number))))
    })),
    fit: report,
    blocking: pairs.stats,
    candidatePairs: pairs.length
  }
}

export const dobString = (d: PreparedDob | null): string | null =>
  d ? (d.m === 0 ? String(d.y) : `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`) : null

interface Fitted {
  model: LinkModel
  compared: ComparedPairs
  pairs: CandidatePairs
  weights: Float64Array
  summary: ModelSummary
}

function fit(
  subjects: readonly Prepared[],
  targets: readonly Prepared[],
  source: PairSource,
  dedup: boolean,
  opts: EngineOptions,
  ctx: JobContext,
  stage: string
): Fitted {
  ctx.progress({ done: 0, total: null, stage: `${stage}:block` })
  const pairs = block(subjects, targets, { dedup }, ctx)
  const tf = buildTermFrequencies(dedup ? [subjects] : [subjects, targets])
  const res = fitModel(
    { subjects: subjects.length, targets: targets.length },
    source,
    pairs,
    tf,
    { dedup, seed: opts.seed, maxRandomPairs: opts.maxRandomPairs },
    ctx
  )
  const weights = pairWeights(res.model, res.compared, pairs.length)
  return { model: res.model, compared: res.compared, pairs, weights, summary: summarize(res.model, res.report, pairs) }
}

type EngineInput = {
  sites: Prepared[]
  registry: Prepared[]
  complaints: Prepared[]
  frozenPersons: FrozenSubject[]
  frozenComplaints: FrozenSubject[]
}

/**
 * The whole linkage, in memory: site × registry, site × site, persons, decisions,
 * complaints, dose checks. Pure apart from progress and cancel; the job stores the result.
 * Pairs are compared on `opts.threads` threads, which hold the records as `subjects`
 * (site rows, then complaints: a site row's index is the same in both), `registry` and
 * `complaints`.
 */
export function runEngine(input: EngineInput, opts: EngineOptions, ctx: JobContext): EngineResult {
  const pool = new ComparePool(opts.threads ?? 1, {
    subjects: [...input.sites, ...input.complaints],
    registry: input.registry,
    complaints: input.complaints
  })
  try {
    return linkAll(input, opts, ctx, pool)
  } finally {
    pool.close()
  }
}

function linkAll(input: EngineInput, opts: EngineOptions, ctx: JobContext, pool: ComparePool): EngineResult {
  const { sites, registry, complaints } = input
  const t = opts.thresholds
  const regIndex = new Map(registry.map((r, i) => [r.id, i]))
  const siteIndex = new Map(sites.map((r, i) => [r.id, i]))

  // Site rows and complaints against the registry, one model for both.
  const subjects = [...sites, ...complaints]
  const linkFit =
    registry.length > 0 && subjects.length > 0
      ? fit(subjects, registry, { pool, a: 'subjects', b: 'registry' }, false, opts, ctx, 'link')
      : null
  const top: Cand[][] = linkFit ? topCandidates(linkFit.pairs, linkFit.weights, subjects.length) : subjects.map(() => [])

  // How many registry people share each one's name and birth date (the person included).
  const namesakes = groupSizes(registry, (r) => (r.name && r.dob ? `${dobString(r.dob)}|${[...r.name.folded].sort().join(' ')}` : null))
  // How many registry people share each one's birth date, family name and place under
  // different given names (the person included): the registry's own twins.
  const twins = groupSizes(
    registry,
    (r) => {
      const k = siblingKey(r)
      return k === null ? null : `${k}|${r.ward ?? r.address?.join(' ') ?? ''}`
    },
    (members) => new Set(members.map((i) => given((registry[i] as Prepared).name as PreparedName))).size > 1
  )
  const siblings = (x: Prepared, y: Prepared): boolean => {
    const k = siblingKey(x)
    return k !== null && k === siblingKey(y) && given(x.name as PreparedName) !== given(y.name as PreparedName)
  }

  const registryWeight = (subject: number, target: number): number => {
    const hit = top[subject]?.find((c) => c.target === target)
    if (hit) return hit.weight
    return linkFit ? scorePair(linkFit.model, subjects[subject] as Prepared, registry[target] as Prepared) : -Infinity
  }

  /** Holds and views for a subject's candidates (each candidate carries the subject row that scored it). */
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
  const decideCandidates = (cands: { row: number; cand: Cand }[]): HoldReason | null => {
    if (!linkFit) return null
    const views: CandidateView[] = cands.map(({ row, cand }) => {
      const idL = levelOf(row, cand, idC)
      return {
        weight: cand.weight,
        idAgrees: idL === 0 || idL === 1,
        idConflict: idConflictHolds && idL === idConflictLevel && bothCccd(row, cand.target),
        namesakes: namesakes[cand.target] as number,
        twins: twins[cand.target] as number,
        givenLevel: levelOf(row, cand, givenC)
      }
    })
    return holdFor(views, (i, j) =>
      siblings(
        registry[(cands[i] as { cand: Cand }).cand.target] as Prepared,
        registry[(cands[j] as { cand: Cand }).cand.target] as Prepared
      )
    )
  }

  const outcome = (
    cands: { row: number; cand: Cand }[],
    hold: HoldReason | null,
    forced?: { row: number; target: number }
  ): LinkOutcome => {
    const bestRow = forced?.row ?? cands[0]?.row
    const target = forced?.target ?? cands[0]?.cand.target
    if (!linkFit || bestRow === undefined || target === undefined) {
      return { target: null, weight: null, probability: null, status: 'none', hold: null, pair: null, candidates: [] }
    }
    const weight = forced ? registryWeight(forced.row, forced.target) : (cands[0] as { cand: Cand }).cand.weight
    const status: MachineStatus = forced ? 'auto' : statusFor(weight, hold, t)
    // A best candidate far below review is no candidate at all.
    const hopeless = status === 'none' && weight < t.review - STORED_BELOW_REVIEW
    const candidates = cands
      .filter((c) => c.cand.weight >= Math.max(t.review - STORED_BELOW_REVIEW, weight - STORED_BELOW_BEST))
      .slice(0, STORED_CANDIDATES)
      .map((c) => ({
        target: (registry[c.cand.target] as Prepared).id,
        weight: c.cand.weight,
        pair: { subject: c.row, target: c.cand.target }
      }))
    const pair = hopeless ? null : { subject: bestRow, target }
    return {
      target: hopeless ? null : (registry[target] as Prepared).id,
      weight,
      probability: probability(weight),
      status,
      hold,
      pair,
      candidates
    }
  }

  // Each site row on its own: confidently linked rows anchor persons.
  ctx.progress({ done: 0, total: null, stage: 'decide' })
  const frozenOf = new Int32Array(sites.length).fill(-1)
  input.frozenPersons.forEach((f, i) => {
    for (const id of f.rows) {
      const r = siteIndex.get(id)
      if (r !== undefined) frozenOf[r] = i
    }
  })
  const anchor = new Int32Array(sites.length).fill(-1)
  const ambiguous = new Uint8Array(sites.length)
  for (let r = 0; r < sites.length; r++) {
    if ((frozenOf[r] as number) >= 0) continue
    const cands = (top[r] ?? []).map((cand) => ({ row: r, cand }))
    const best = cands[0]
    if (!best || best.cand.weight < t.review) continue
    const hold = decideCandidates(cands)
    if (statusFor(best.cand.weight, hold, t) === 'auto') anchor[r] = best.cand.target
    if (hold === 'tie' || hold === 'twin' || hold === 'namesake') ambiguous[r] = 1
  }

  // Site rows against each other, for persons.
  // Only the model, its summary and the strong edges outlive this block: the compared pairs
  // (hundreds of megabytes at a million rows) are garbage once the edges are known.
  const { dedupModel, dedupSummary, edges } = (() => {
    const f = sites.length > 1 ? fit(sites, sites, { pool, a: 'subjects', b: 'subjects' }, true, opts, ctx, 'dedup') : null
    return { dedupModel: f?.model ?? null, dedupSummary: f?.summary ?? null, edges: f ? strongEdges(f.pairs, f.weights, t.auto) : [] }
  })()
  const contradicts = dedupModel ? contradiction(dedupModel) : null
  const discriminates = dedupModel ? discriminating(dedupModel) : null
  const contradictionCache = new Map<number, boolean>()
  const cannotLink = (a: number, b: number): boolean => {
    const key = Math.min(a, b) * sites.length + Math.max(a, b)
    let v = contradictionCache.get(key)
    if (v === undefined) {
      v = contradicts ? contradicts(sites[a] as Prepared, sites[b] as Prepared) : false
      contradictionCache.set(key, v)
    }
    return v
  }
  const regIdx = (id: number | null): number => (id === null ? -1 : (regIndex.get(id) ?? -1))
  ctx.progress({ done: 0, total: null, stage: 'cluster' })
  const clusters = clusterRows({
    rows: sites.length,
    top,
    anchor,
    frozenOf,
    frozenAnchor: input.frozenPersons.map((f) => regIdx(f.confirmed)),
    frozenRejected: input.frozenPersons.map((f) => f.rejected.map(regIdx).filter((x) => x >= 0)),
    edges,
    cannotLink,
    ambiguous,
    discriminates: (a, b) => discriminates?.(sites[a] as Prepared, sites[b] as Prepared) ?? false,
    registryWeight,
    thresholds: t
  })

  // One link per person.
  const persons: PersonResult[] = clusters.map((cl) => {
    const frozen = cl.frozen >= 0 ? (input.frozenPersons[cl.frozen] as FrozenSubject) : null
    const rows = cl.rows.map((r) => (sites[r] as Prepared).id)
    if (frozen?.settled) return { frozenId: frozen.subjectId, rows, link: null }
    const rejected = new Set((frozen?.rejected ?? []).map(regIdx))
    const best = new Map<number, { row: number; cand: Cand }>()
    for (const r of cl.rows) {
      for (const cand of top[r] ?? []) {
        if (rejected.has(cand.target)) continue
        const cur = best.get(cand.target)
        if (!cur || cand.weight > cur.cand.weight) best.set(cand.target, { row: r, cand })
      }
    }
    const cands = [...best.values()].sort((a, b) => b.cand.weight - a.cand.weight)
    if (cl.anchor >= 0 && !cl.conflict) {
      const row = best.get(cl.anchor)?.row ?? (cl.rows.find((r) => anchor[r] === cl.anchor) as number)
      const ordered = [...cands.filter((c) => c.cand.target === cl.anchor), ...cands.filter((c) => c.cand.target !== cl.anchor)]
      return { frozenId: frozen?.subjectId ?? null, rows, link: outcome(ordered, null, { row, target: cl.anchor }) }
    }
    const hold: HoldReason | null = cl.conflict ? 'conflict' : frozen ? 'rejected_before' : decideCandidates(cands.slice(0, 5))
    return { frozenId: frozen?.subjectId ?? null, rows, link: outcome(cands, hold) }
  })

  // No two persons auto-linked to one registry person.
  const confirmedOf = new Map(input.frozenPersons.map((f) => [f.subjectId, f.confirmed]))
  const linkedTarget = (p: PersonResult): number | null =>
    p.link ? (p.link.status === 'auto' ? p.link.target : null) : p.frozenId === null ? null : (confirmedOf.get(p.frozenId) ?? null)
  const decided = redecide(
    persons.map((p) =>
      p.link
        ? {
            subjectKind: 'person' as const,
            status: p.link.status,
            weight: p.link.weight,
            hold: p.link.hold,
            target: p.link.target,
            decided: false
          }
        : { subjectKind: 'person' as const, status: 'confirmed' as const, weight: null, hold: null, target: linkedTarget(p), decided: true }
    ),
    t
  )
  persons.forEach((p, i) => {
    const d = decided[i]
    if (p.link && d) {
      p.link.status = d.status as MachineStatus
      p.link.hold = d.hold
    }
  })

  // Complaints: to the registry like a site row, then to the person whose doses they concern.
  const personOfSite = new Map<number, number>()
  persons.forEach((p, i) => p.rows.forEach((id) => personOfSite.set(id, i)))
  const personOfTarget = new Map<number, number>()
  persons.forEach((p, i) => {
    const target = linkedTarget(p)
    if (target !== null) personOfTarget.set(target, i)
  })
  const complaintSiteFit =
    dedupModel && complaints.length > 0
      ? complaintToSites(complaints, sites, { pool, a: 'complaints', b: 'subjects' }, dedupModel, ctx)
      : null
  const frozenComplaint = new Map(input.frozenComplaints.map((f) => [f.subjectId, f]))
  const complaintResults: ComplaintResult[] = complaints.map((c, k) => {
    const s = sites.length + k
    const frozen = frozenComplaint.get(c.id)
    let link: LinkOutcome | null = null
    let target: number | null = frozen?.confirmed ?? null
    if (!frozen?.settled) {
      const rejected = new Set((frozen?.rejected ?? []).map(regIdx))
      const cands = (top[s] ?? []).filter((cand) => !rejected.has(cand.target)).map((cand) => ({ row: s, cand }))
      link = outcome(cands, frozen ? 'rejected_before' : decideCandidates(cands))
      target = link.status === 'auto' ? link.target : null
    }
    let person = target !== null ? (personOfTarget.get(target) ?? null) : null
    if (person === null && complaintSiteFit) {
      const best = complaintSiteFit[k]
      if (best && best.weight >= t.auto && !contradicts?.(c, sites[best.site] as Prepared))
        person = personOfSite.get((sites[best.site] as Prepared).id) ?? null
    }
    const rows = person === null ? [] : (persons[person] as PersonResult).rows.map((id) => sites[siteIndex.get(id) as number] as Prepared)
    return { recordId: c.id, link, person, evidence: complaintEvidence(c, rows) }
  })

  // Dose checks on every person, against the registry's birth date where linked.
  ctx.progress({ done: 0, total: null, stage: 'doses' })
  const doseIssues: (DoseIssue & { person: number })[] = []
  persons.forEach((p, i) => {
    const rows = p.rows.map((id) => sites[siteIndex.get(id) as number] as Prepared)
    const target = linkedTarget(p)
    const reg = target !== null ? registry[regIndex.get(target) ?? -1] : undefined
    const dob = dobString(reg?.dob ?? rows.find((r) => r.dob)?.dob ?? null)
    const issues = checkDoses(
      rows.map((r) => ({ recordId: r.id, vaccine: r.vaccine, doseNumber: r.doseNumber, doseDate: r.doseDate })),
      dob,
      { duplicateWindowDays: opts.duplicateWindowDays, today: opts.today }
    )
    for (const issue of issues) doseIssues.push({ ...issue, person: i })
  })

  return {
    persons,
    complaints: complaintResults,
    doseIssues,
    explain: (p) => (linkFit ? explain(linkFit.model, subjects[p.subject] as Prepared, registry[p.target] as Prepared) : []),
    link: linkFit?.summary ?? null,
    dedup: dedupSummary
  }
}

/** Each complaint's best site row, scored with the site-to-site model (phones count here). */
function complaintToSites(
  complaints: readonly Prepared[],
  sites: readonly Prepared[],
  source: PairSource,
  model: LinkModel,
  ctx: JobContext
): ({ site: number; weight: number } | undefined)[] {
  const pairs = block(complaints, sites, { dedup: false }, ctx)
  const compared = comparePairs(
    model.comparisons.map((f) => f.comparison),
    model.tf,
    source,
    pairs,
    ctx
  )
  const weights = pairWeights(model, compared, pairs.length)
  const best: ({ site: number; weight: number } | undefined)[] = complaints.map(() => undefined)
  for (let p = 0; p < pairs.length; p++) {
    const k = pairs.subject[p] as number
    const w = weights[p] as number
    const cur = best[k]
    if (!cur || w > cur.weight) best[k] = { site: pairs.target[p] as number, weight: w }
  }
  return best
}
