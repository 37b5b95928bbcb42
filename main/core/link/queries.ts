import type { Db } from '../workspace/workspace.ts'
import { HOLD_REASONS, type HoldReason, type LinkStatus, type Thresholds } from './decide.ts'
import { redecide } from './redecide.ts'
import { getLinkSettings } from './settings.ts'
import type { Contribution } from './model/score.ts'
import { CURRENT_LINKS } from '../records/link-reads.ts'
import {
  linkListPage,
  personFieldsReader,
  subjectRecords,
  type LinkListPage,
  type LinkListRow,
  type PersonFields,
  type SubjectRecord
} from '../records/link-screen-reads.ts'
import { linkStatusCounts, reviewReasons, type LinkStatusCounts } from './status-counts.ts'

/** What the linkage screen shows about the last run: counts, the histogram, the model. */
export interface LinkSummary {
  run: { id: number; startedAt: string; finishedAt: string | null } | null
  thresholds: Thresholds
  duplicateWindowDays: number
  /** Subjects (persons and complaints) by the status of their current link. */
  statuses: Record<string, number>
  /** The same, persons and complaints apart (the Overview shows the persons). */
  statusesByKind: LinkStatusCounts
  /** Why the subjects waiting for review were not auto-linked: they add up to statuses.review. */
  holds: Record<string, number>
  doseIssues: Record<string, number>
  /** Match weights of every subject's current link in one-bit bins, split by status. */
  histogram: { from: number; to: number; counts: Record<string, number> }[]
  model: { priorWeight: number; comparisons: { name: string; levels: string[]; weights: number[] }[] } | null
}

const HIST_MIN = -30
const HIST_MAX = 60

function groupCount(db: Db, sql: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of db.prepare(sql).all() as { k: string | null; n: number }[]) if (r.k !== null) out[r.k] = r.n
  return out
}

interface ModelJson {
  link: { priorWeight: number; comparisons: { name: string; levels: string[]; weights: number[] }[] } | null
}

export function linkSummary(db: Db): LinkSummary {
  const settings = getLinkSettings(db)
  const run = db
    .prepare('SELECT id, started_at AS startedAt, finished_at AS finishedAt, model_json FROM match_runs ORDER BY id DESC LIMIT 1')
    .get() as { id: number; startedAt: string; finishedAt: string | null; model_json: string | null } | undefined
  const bins = new Map<number, Record<string, number>>()
  for (const r of db
    .prepare(
      `SELECT status, CAST(floor(max(?, min(?, match_weight))) AS INTEGER) AS bin, count(*) AS n FROM (${CURRENT_LINKS}) WHERE match_weight IS NOT NULL GROUP BY status, bin`
    )
    .all(HIST_MIN, HIST_MAX - 1) as { status: string; bin: number; n: number }[]) {
    const counts = bins.get(r.bin) ?? {}
    counts[r.status] = r.n
    bins.set(r.bin, counts)
  }
  const keys = [...bins.keys()]
  const histogram: LinkSummary['histogram'] = []
  if (keys.length > 0) {
    for (let b = Math.min(...keys); b <= Math.max(...keys); b++) histogram.push({ from: b, to: b + 1, counts: bins.get(b) ?? {} })
  }
  const model = run?.model_json ? (JSON.parse(run.model_json) as ModelJson).link : null
  const byKind = linkStatusCounts(db)
  const statuses: Record<string, number> = { ...byKind.person }
  for (const [k, n] of Object.entries(byKind.complaint)) statuses[k] = (statuses[k] ?? 0) + n
  return {
    run: run ? { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt } : null,
    thresholds: settings.thresholds,
    duplicateWindowDays: settings.duplicateWindowDays,
    statuses,
    statusesByKind: byKind,
    holds: reviewReasons(db, settings.thresholds.auto),
    doseIssues: groupCount(db, 'SELECT kind AS k, count(*) AS n FROM dose_issues GROUP BY kind'),
    histogram,
    model: model
      ? {
          priorWeight: model.priorWeight,
          comparisons: model.comparisons.map((c) => ({ name: c.name, levels: c.levels, weights: c.weights }))
        }
      : null
  }
}

/** The counts by status that the given thresholds would give, without changing anything. */
export function previewThresholds(db: Db, t: Thresholds): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT subject_kind, status, match_weight, hold_reason, registry_record_id, decided_by IS NOT NULL AS decided FROM (${CURRENT_LINKS})`
    )
    .all() as {
    subject_kind: 'person' | 'complaint'
    status: LinkStatus
    match_weight: number | null
    hold_reason: HoldReason | null
    registry_record_id: number | null
    decided: number
  }[]
  const out: Record<string, number> = {}
  for (const d of redecide(
    rows.map((r) => ({
      subjectKind: r.subject_kind,
      status: r.status,
      weight: r.match_weight,
      hold: r.hold_reason,
      target: r.registry_record_id,
      decided: r.decided === 1
    })),
    t
  )) {
    out[d.status] = (out[d.status] ?? 0) + 1
  }
  return out
}

/** A page of subjects' current links, for the table under the histogram. */
export function listLinks(db: Db, q: LinkListPage): { total: number; rows: LinkListRow[] } {
  // An unknown hold reason filters nothing, as an absent one does.
  const hold = q.hold && (HOLD_REASONS as readonly string[]).includes(q.hold) ? q.hold : undefined
  return linkListPage(db, { ...q, hold })
}

export interface LinkDetail {
  linkId: number
  subjectKind: 'person' | 'complaint'
  subjectId: number
  status: string
  hold: string | null
  weight: number | null
  probability: number | null
  contributions: Contribution[]
  subjectRows: SubjectRecord[]
  registry: PersonFields | null
  candidates: { registry: PersonFields; weight: number; contributions: Contribution[] }[]
  doseIssues: { recordId: number | null; kind: string; detail: unknown }[]
}

/** One link with everything its waterfall and the comparison beside it need. */
export function linkDetail(db: Db, linkId: number): LinkDetail | null {
  const l = db
    .prepare(
      'SELECT id, subject_kind, subject_id, status, hold_reason, match_weight, match_probability, contributions_json, registry_record_id FROM links WHERE id = ?'
    )
    .get(linkId) as
    | {
        id: number
        subject_kind: 'person' | 'complaint'
        subject_id: number
        status: string
        hold_reason: string | null
        match_weight: number | null
        match_probability: number | null
        contributions_json: string
        registry_record_id: number | null
      }
    | undefined
  if (!l) return null
  const subjectRows = subjectRecords(db, l.subject_kind, l.subject_id)
  const person = personFieldsReader(db)
  const candidates = (
    db
      .prepare(
        'SELECT registry_record_id, match_weight, contributions_json FROM candidates WHERE subject_kind = ? AND subject_id = ? ORDER BY match_weight DESC'
      )
      .all(l.subject_kind, l.subject_id) as { registry_record_id: number; match_weight: number; contributions_json: string }[]
  ).map((c) => ({
    registry: person(c.registry_record_id) as PersonFields,
    weight: c.match_weight,
    contributions: JSON.parse(c.contributions_json) as Contribution[]
  }))
  const doseIssues =
    l.subject_kind === 'person'
      ? (
          db.prepare('SELECT record_id AS recordId, kind, detail FROM dose_issues WHERE person_id = ? ORDER BY id').all(l.subject_id) as {
            recordId: number | null
            kind: string
            detail: string
          }[]
        ).map((d) => ({ ...d, detail: JSON.parse(d.detail) as unknown }))
      : []
  return {
    linkId: l.id,
    subjectKind: l.subject_kind,
    subjectId: l.subject_id,
    status: l.status,
    hold: l.hold_reason,
    weight: l.match_weight,
    probability: l.match_probability,
    contributions: JSON.parse(l.contributions_json) as Contribution[],
    subjectRows,
    registry: l.registry_record_id === null ? null : (person(l.registry_record_id) ?? null),
    candidates,
    doseIssues
  }
}
