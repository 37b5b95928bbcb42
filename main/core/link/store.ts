import { appendAudit } from '../audit/append.ts'
import type { JobContext } from '../base/job-context.ts'
import type { Db } from '../workspace/workspace.ts'
import type { EngineResult, LinkOutcome } from './engine-types.ts'
import { now as clockNow } from '../base/clock.ts'
import { countRecords, CURRENT_LINKS, rowsByLinkStatus } from '../records/link-reads.ts'
import { detachPersonsExcept, personAssigner } from '../records/link-writes.ts'

export interface MatchCounts {
  runId: number
  persons: number
  siteRows: number
  complaints: number
  /** Links by status, counting subjects (persons and complaints) by their current link. */
  links: Record<string, number>
  /** Site and complaint rows by the status of their subject's link (what `vaxrecon links` lists). */
  rows: Record<string, number>
  doseIssues: Record<string, number>
}

/**
 * Replaces the previous run's machine output with this one's: undecided links, candidates,
 * persons without decisions, dose issues, complaint evidence. Clerks' decided links and the
 * persons they decided stay. Runs inside the job's transaction.
 */
export function storeResult(
  db: Db,
  result: EngineResult,
  run: { params: unknown; startedAt: string; actor: string | null },
  ctx: JobContext
): number {
  const kept = result.persons.flatMap((p) => (p.frozenId === null ? [] : [p.frozenId]))
  ctx.progress({ done: 0, total: null, stage: 'store' })
  db.prepare('DELETE FROM candidates').run()
  db.prepare('DELETE FROM complaint_evidence').run()
  db.prepare('DELETE FROM dose_issues').run()
  db.prepare('DELETE FROM links WHERE decided_by IS NULL').run()
  detachPersonsExcept(db, kept)
  db.prepare('DELETE FROM persons WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(kept))

  const runId = Number(
    db.prepare('INSERT INTO match_runs (started_at, params_json) VALUES (?, ?)').run(run.startedAt, JSON.stringify(run.params))
      .lastInsertRowid
  )
  const now = clockNow().toISOString()
  const insertPerson = db.prepare('INSERT INTO persons (created_at) VALUES (?)')
  const setPerson = personAssigner(db)
  const insertLink = db.prepare(
    `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, match_probability, status, hold_reason, contributions_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertCandidate = db.prepare(
    'INSERT INTO candidates (subject_kind, subject_id, registry_record_id, match_weight, contributions_json) VALUES (?, ?, ?, ?, ?)'
  )
  const insertIssue = db.prepare('INSERT INTO dose_issues (person_id, record_id, kind, detail) VALUES (?, ?, ?, ?)')
  const insertEvidence = db.prepare(
    'INSERT INTO complaint_evidence (complaint_record_id, site_record_id, relation, reasons_json) VALUES (?, ?, ?, ?)'
  )

  const r4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000)
  const writeLink = (kind: 'person' | 'complaint', subjectId: number, l: LinkOutcome): void => {
    const contributions = l.pair ? JSON.stringify(result.explain(l.pair)) : '[]'
    insertLink.run(runId, kind, subjectId, l.target, r4(l.weight), l.probability, l.status, l.hold, contributions)
    for (const c of l.candidates) {
      const same = l.pair && c.pair.subject === l.pair.subject && c.pair.target === l.pair.target
      insertCandidate.run(kind, subjectId, c.target, r4(c.weight), same ? contributions : JSON.stringify(result.explain(c.pair)))
    }
  }

  const personIds: number[] = []
  result.persons.forEach((p, i) => {
    if ((i & 0x3fff) === 0) {
      ctx.checkCancelled()
      ctx.progress({ done: i, total: result.persons.length, stage: 'store' })
    }
    const id = p.frozenId ?? Number(insertPerson.run(now).lastInsertRowid)
    personIds.push(id)
    for (const row of p.rows) setPerson(id, row)
    if (p.link) writeLink('person', id, p.link)
  })
  for (const c of result.complaints) {
    if (c.person !== null) setPerson(personIds[c.person] as number, c.recordId)
    if (c.link) writeLink('complaint', c.recordId, c.link)
    for (const e of c.evidence) insertEvidence.run(c.recordId, e.siteRecordId, e.relation, JSON.stringify(e.reasons))
  }
  for (const issue of result.doseIssues)
    insertIssue.run(personIds[issue.person] as number, issue.recordId, issue.kind, JSON.stringify(issue.detail))

  db.prepare('UPDATE match_runs SET finished_at = ?, model_json = ? WHERE id = ?').run(
    clockNow().toISOString(),
    JSON.stringify({ link: result.link, dedup: result.dedup }),
    runId
  )
  return runId
}

export function matchCounts(db: Db, runId: number): MatchCounts {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
  const group = (sql: string): Record<string, number> => {
    const out: Record<string, number> = {}
    for (const r of db.prepare(sql).all() as { k: string; n: number }[]) out[r.k] = r.n
    return out
  }
  return {
    runId,
    persons: count('SELECT count(*) AS n FROM persons'),
    siteRows: countRecords(db, 'site'),
    complaints: countRecords(db, 'complaint'),
    links: group(`SELECT status AS k, count(*) AS n FROM (${CURRENT_LINKS}) GROUP BY status`),
    rows: Object.fromEntries(rowsByLinkStatus(db).map((r) => [r.status, r.n])),
    doseIssues: group('SELECT kind AS k, count(*) AS n FROM dose_issues GROUP BY kind')
  }
}

/** The audit entry of a run: counts only, never names or IDs. */
export function auditRun(db: Db, actor: string | null, counts: MatchCounts, settings: unknown): void {
  appendAudit(db, { actor, action: 'link.match', entity: 'match_runs', entityId: counts.runId, new: { ...counts, settings } })
}
