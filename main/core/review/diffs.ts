import { appendAudit } from '../audit/append.ts'
import type { JobContext } from '../base/job-context.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import type { CellDiff } from './cells.ts'
import { classify, type Classified } from './classify.ts'
import { REVIEW_FIELDS, type ReviewField } from './fields.ts'
import { ensureReviewFunctions, refreshRows } from './rows.ts'
import { comparedRecordReaders, fieldsCarriedByImport, type ComparedRecord } from '../records/compared-records.ts'

/**
 * Diffs: for every active link (auto, review or confirmed, with a registry person), one
 * row per subject row and field whose value differs from the registry's. The pipeline
 * (jobs/pipeline.ts) calls rebuildDiffs after every step that changes links; a clerk's pick
 * of a candidate calls rebuildLinkDiffs.
 *
 * Decisions survive a rebuild: a diff whose link and values are unchanged keeps its
 * status; when a re-run of match replaced the link, the diff (its link_id set to null by
 * the delete) is adopted by the new link between the same rows, with its status, note and
 * undo history; failing that, a decision is recognised by the live proposal it produced
 * (a complaint's, by its outcome). A decided diff whose values no longer hold (the link
 * now points elsewhere) is dropped and its pending proposals are superseded.
 */

/** A link the grid compares: one the engine or a clerk made, to a registry person. */
export const activeLink = (alias = 'links', byStatusIndex = true): string =>
  `${byStatusIndex ? '' : '+'}${alias}.status IN ('auto', 'review', 'confirmed') AND ${alias}.registry_record_id IS NOT NULL`

interface LinkRow {
  id: number
  subject_kind: 'person' | 'complaint'
  subject_id: number
  registry_record_id: number
}

type DiffRow = Omit<CellDiff, 'note' | 'decision_id'>

interface Desired extends Classified {
  record_id: number
  field: ReviewField
  site_value: string | null
  registry_value: string | null
}

const CHUNK = 1000

const valueOf = (r: ComparedRecord, f: ReviewField): string | null => {
  const v = r[f]
  return v === null || v === '' ? null : String(v)
}

/** The differences between one subject row and its registry row. */
function compare(
  subject: ComparedRecord,
  registry: ComparedRecord,
  carried: Map<number, Set<ReviewField>>,
  isComplaint: boolean
): Desired[] {
  const out: Desired[] = []
  const subjectCarries = carried.get(subject.import_id)
  const registryCarries = carried.get(registry.import_id)
  for (const field of REVIEW_FIELDS) {
    const s = valueOf(subject, field)
    const r = valueOf(registry, field)
    // A complaint states only part of an identity; what it leaves out is not a difference.
    if (s === null && (isComplaint || !subjectCarries?.has(field))) continue
    if (r === null && !registryCarries?.has(field)) continue
    const cls = classify(field, s, r, {
      registryOldId: registry.old_national_id,
      siteWard: subject.ward_code,
      registryWard: registry.ward_code
    })
    if (cls) out.push({ ...cls, record_id: subject.id, field, site_value: s, registry_value: r })
  }
  return out
}

function statements(db: Db) {
  return {
    records: comparedRecordReaders(db),
    existing: db.prepare(
      `SELECT id, link_id, record_id, field, site_value, registry_value, class, detail, status
       FROM diffs WHERE link_id IN (SELECT value FROM json_each(?))`
    ),
    reclassify: db.prepare('UPDATE diffs SET class = ?, detail = ? WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO diffs (link_id, registry_record_id, record_id, field, site_value, registry_value, class, detail, status, decision_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    orphan: db.prepare(
      `SELECT id FROM diffs WHERE link_id IS NULL AND record_id = ? AND field = ? AND registry_record_id = ?
         AND site_value IS ? AND registry_value IS ? LIMIT 1`
    ),
    adopt: db.prepare('UPDATE diffs SET link_id = ?, class = ?, detail = ? WHERE id = ?'),
    siteProposal: db.prepare(
      `SELECT id, new_value, decision_id FROM proposals
       WHERE target = 'site' AND record_id = ? AND field = ? AND old_value IS ? AND status IN ('proposed', 'approved', 'exported')
       ORDER BY id DESC LIMIT 1`
    ),
    registryProposal: db.prepare(
      `SELECT id, new_value, decision_id FROM proposals
       WHERE target = 'registry' AND record_id = ? AND field = ? AND old_value IS ? AND new_value IS ?
         AND status IN ('proposed', 'approved', 'exported')
       ORDER BY id DESC LIMIT 1`
    ),
    attach: db.prepare('UPDATE proposals SET diff_id = ? WHERE id = ?'),
    complaintOutcome: db.prepare('SELECT outcome, decision_id FROM complaint_outcomes WHERE record_id = ? ORDER BY id DESC LIMIT 1'),
    supersede: db.prepare(`UPDATE proposals SET status = 'superseded' WHERE diff_id = ? AND status = 'proposed' RETURNING id`),
    drop: db.prepare('DELETE FROM diffs WHERE id = ?')
  }
}

type Stmts = ReturnType<typeof statements>

interface Env {
  db: Db
  stmts: Stmts
  carried: Map<number, Set<ReviewField>>
  anyProposals: boolean
  superseded: number[]
}

/** A decision made under an earlier link id is recognised by the proposal it produced. */
function restoredStatus(env: Env, link: LinkRow, d: Desired): { status: string; decisionId: number | null; proposalId: number | null } {
  if (link.subject_kind === 'complaint') {
    // A complaint's row follows its latest outcome.
    const o = env.stmts.complaintOutcome.get(link.subject_id) as { outcome: string; decision_id: number | null } | undefined
    if (o) return { status: o.outcome === 'deferred' ? 'deferred' : 'resolved', decisionId: o.decision_id, proposalId: null }
  }
  if (env.anyProposals) {
    const site = env.stmts.siteProposal.get(d.record_id, d.field, d.site_value) as
      { id: number; new_value: string | null; decision_id: number | null } | undefined
    if (site)
      return { status: site.new_value === d.registry_value ? 'accepted' : 'edited', decisionId: site.decision_id, proposalId: site.id }
    const reg = env.stmts.registryProposal.get(link.registry_record_id, d.field, d.registry_value, d.site_value) as
      { id: number; decision_id: number | null } | undefined
    if (reg) return { status: 'kept', decisionId: reg.decision_id, proposalId: reg.id }
  }
  return { status: 'open', decisionId: null, proposalId: null }
}

function dropDiff(env: Env, d: DiffRow): void {
  if (d.status !== 'open' && d.status !== 'deferred') {
    for (const p of env.stmts.supersede.all(d.id) as { id: number }[]) env.superseded.push(p.id)
  }
  env.stmts.drop.run(d.id)
}

function syncChunk(env: Env, links: LinkRow[]): number {
  const { stmts } = env
  const ids = (xs: number[]): string => JSON.stringify(xs)
  const persons = links.filter((l) => l.subject_kind === 'person').map((l) => l.subject_id)
  const bySubject = new Map<number, ComparedRecord[]>()
  for (const r of stmts.records.siteRowsOfPersons(persons)) {
    const list = bySubject.get(r.person_id ?? 0) ?? []
    list.push(r)
    bySubject.set(r.person_id ?? 0, list)
  }
  const singles = new Map<number, ComparedRecord>()
  const wanted = [
    ...links.filter((l) => l.subject_kind === 'complaint').map((l) => l.subject_id),
    ...links.map((l) => l.registry_record_id)
  ]
  for (const r of stmts.records.recordsByIds(wanted)) singles.set(r.id, r)
  const existing = new Map<number, Map<string, DiffRow>>()
  for (const d of stmts.existing.all(ids(links.map((l) => l.id))) as DiffRow[]) {
    const m = existing.get(d.link_id) ?? new Map<string, DiffRow>()
    m.set(`${d.field}|${d.record_id}`, d)
    existing.set(d.link_id, m)
  }

  let inserted = 0
  for (const link of links) {
    const registry = singles.get(link.registry_record_id)
    const subjects =
      link.subject_kind === 'person'
        ? (bySubject.get(link.subject_id) ?? [])
        : [singles.get(link.subject_id)].filter((r) => r !== undefined)
    const desired = registry ? subjects.flatMap((s) => compare(s, registry, env.carried, link.subject_kind === 'complaint')) : []
    const old = existing.get(link.id) ?? new Map<string, DiffRow>()
    for (const d of desired) {
      const key = `${d.field}|${d.record_id}`
      const e = old.get(key)
      // A diff left from an unlinked link is undecided again under the active link.
      if (e && e.site_value === d.site_value && e.registry_value === d.registry_value && e.status !== 'unlinked') {
        if (e.class !== d.class || e.detail !== d.detail) stmts.reclassify.run(d.class, d.detail, e.id)
        old.delete(key)
        continue
      }
      if (e) {
        dropDiff(env, e)
        old.delete(key)
      }
      // The same difference under a link a re-run of match replaced: it keeps its decision.
      const orphan = stmts.orphan.get(d.record_id, d.field, link.registry_record_id, d.site_value, d.registry_value) as
        { id: number } | undefined
      if (orphan) {
        stmts.adopt.run(link.id, d.class, d.detail, orphan.id)
        continue
      }
      const r = restoredStatus(env, link, d)
      const id = Number(
        stmts.insert.run(
          link.id,
          link.registry_record_id,
          d.record_id,
          d.field,
          d.site_value,
          d.registry_value,
          d.class,
          d.detail,
          r.status,
          r.decisionId
        ).lastInsertRowid
      )
      if (r.proposalId !== null) stmts.attach.run(id, r.proposalId)
      inserted++
    }
    for (const e of old.values()) dropDiff(env, e)
  }
  return inserted
}

function makeEnv(db: Db): Env {
  ensureReviewFunctions(db)
  return {
    db,
    stmts: statements(db),
    carried: fieldsCarriedByImport(db, REVIEW_FIELDS),
    anyProposals: db.prepare('SELECT 1 FROM proposals LIMIT 1').get() !== undefined,
    superseded: []
  }
}

/** Every link's diffs, in one transaction (a savepoint inside the match job's). */
export function rebuildDiffs(ws: Workspace, ctx: JobContext): { diffs: number } {
  return ws.tx(() => {
    const db = ws.db
    const env = makeEnv(db)
    // Links that are no longer active (none) lose their diffs; rejected ones keep theirs for undo.
    const stale = db
      .prepare(
        `SELECT d.id, d.link_id, d.record_id, d.field, d.site_value, d.registry_value, d.class, d.detail, d.status
         FROM diffs d JOIN links l ON l.id = d.link_id
         WHERE NOT (${activeLink('l')}) AND l.status <> 'rejected'`
      )
      .all() as DiffRow[]
    for (const d of stale) dropDiff(env, d)
    db.prepare('DELETE FROM review_rows WHERE NOT EXISTS (SELECT 1 FROM diffs d WHERE d.link_id = review_rows.link_id)').run()

    const total = (db.prepare(`SELECT count(*) AS n FROM links WHERE ${activeLink()}`).get() as { n: number }).n
    // Walked by id: led by the status index, each chunk would scan and sort every link after it.
    const page = db.prepare(
      `SELECT id, subject_kind, subject_id, registry_record_id FROM links
       WHERE id > ? AND ${activeLink('links', false)} ORDER BY id LIMIT ${CHUNK}`
    )
    let done = 0
    let last = 0
    for (;;) {
      ctx.checkCancelled()
      const links = page.all(last) as LinkRow[]
      if (links.length === 0) break
      syncChunk(env, links)
      const json = JSON.stringify(links.map((l) => l.id))
      refreshRows(db, 'SELECT value FROM json_each(?)', [json])
      last = links[links.length - 1]?.id ?? last
      done += links.length
      ctx.progress({ done, total, stage: 'diffs' })
    }
    // Differences whose link went away and did not come back: their decisions no longer hold.
    for (const d of db
      .prepare('SELECT id, link_id, record_id, field, site_value, registry_value, class, detail, status FROM diffs WHERE link_id IS NULL')
      .all() as DiffRow[]) {
      dropDiff(env, d)
    }
    const diffs = (db.prepare(`SELECT count(*) AS n FROM diffs WHERE status <> 'unlinked'`).get() as { n: number }).n
    appendAudit(db, {
      actor: null,
      action: 'review.diffs.rebuild',
      entity: 'diffs',
      new: { diffs, links: total, supersededProposals: env.superseded }
    })
    return { diffs }
  })
}

/** Rebuilds the diffs of a few links, inside the caller's transaction. */
export function rebuildLinkDiffs(db: Db, linkIds: number[]): { superseded: number[] } {
  const env = makeEnv(db)
  const json = JSON.stringify(linkIds)
  const links = db
    .prepare(
      `SELECT id, subject_kind, subject_id, registry_record_id FROM links WHERE id IN (SELECT value FROM json_each(?)) AND ${activeLink()}`
    )
    .all(json) as LinkRow[]
  const inactive = db
    .prepare(
      `SELECT id, link_id, record_id, field, site_value, registry_value, class, detail, status FROM diffs
       WHERE link_id IN (SELECT value FROM json_each(?)) AND link_id NOT IN (SELECT value FROM json_each(?))`
    )
    .all(json, JSON.stringify(links.map((l) => l.id))) as DiffRow[]
  for (const d of inactive) dropDiff(env, d)
  syncChunk(env, links)
  refreshRows(db, 'SELECT value FROM json_each(?)', [json])
  return { superseded: env.superseded }
}
