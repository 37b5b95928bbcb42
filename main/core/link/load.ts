import { forEachLinkageRecord, personSiteRowIds } from '../records/link-reads.ts'
import type { Db } from '../workspace/workspace.ts'
import type { FrozenSubject } from './engine-types.ts'
import { prepare, type Prepared, type RecordRow } from './prepare.ts'

/**
 * Every record of one kind, prepared for comparison, in id order (runs are reproducible).
 * `each` gets them in chunks of `chunk` as they are read (the last one shorter).
 */
export function loadPrepared(db: Db, kind: RecordRow['kind'], each?: (records: Prepared[]) => void, chunk = 20_000): Prepared[] {
  const out: Prepared[] = []
  let sent = 0
  forEachLinkageRecord(db, kind, (row) => {
    out.push(prepare(row))
    if (each && out.length - sent === chunk) {
      each(out.slice(sent))
      sent = out.length
    }
  })
  if (each && out.length > sent) each(out.slice(sent))
  return out
}

interface DecidedLink {
  subject_kind: 'person' | 'complaint'
  subject_id: number
  registry_record_id: number | null
  status: string
}

/**
 * Subjects with a clerk's decision. Their decided links are never touched by a re-run; a
 * person's rows stay together (new rows may join). A confirmed subject (to a registry
 * person, or to nobody) gets no machine link; one with only rejections is offered for
 * review again, never auto-linked.
 */
export function loadFrozen(db: Db): { persons: FrozenSubject[]; complaints: FrozenSubject[] } {
  const links = db
    .prepare(`SELECT subject_kind, subject_id, registry_record_id, status FROM links WHERE decided_by IS NOT NULL ORDER BY id`)
    .all() as DecidedLink[]
  const bySubject = new Map<string, FrozenSubject & { kind: 'person' | 'complaint' }>()
  for (const l of links) {
    const key = `${l.subject_kind}:${l.subject_id}`
    const f = bySubject.get(key) ?? {
      kind: l.subject_kind,
      subjectId: l.subject_id,
      rows: [],
      settled: false,
      confirmed: null,
      rejected: []
    }
    if (l.status === 'confirmed') {
      f.settled = true
      f.confirmed = l.registry_record_id
    }
    if (l.status === 'rejected' && l.registry_record_id !== null) f.rejected.push(l.registry_record_id)
    bySubject.set(key, f)
  }
  const rowsOf = personSiteRowIds(db)
  const persons: FrozenSubject[] = []
  const complaints: FrozenSubject[] = []
  for (const { kind, ...f } of bySubject.values()) {
    if (kind === 'person') {
      const rows = rowsOf(f.subjectId)
      if (rows.length > 0) persons.push({ ...f, rows })
    } else complaints.push(f)
  }
  return { persons, complaints }
}
