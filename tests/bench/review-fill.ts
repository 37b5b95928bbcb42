import { uniform } from '../../main/core/base/random.ts'
import { classBit, fieldBit, type DiffClass, type ReviewField } from '../../main/core/review/fields.ts'
import { ensureReviewFunctions } from '../../main/core/review/rows.ts'
import type { Workspace } from '../../main/core/workspace/index.ts'
import { FAMILY, GIVEN, MIDDLE } from './bench-names.ts'

/**
 * The review bench's table, filled straight through SQL (records, links, diffs, grid rows):
 * the bench measures the review queries, not the import or the linkage. It writes only
 * tables and columns every schema since 0002 has, so a baseline tree's workspace
 * (VAXRECON_BENCH_BASELINE) is filled the same way.
 */
export const SITES = Array.from({ length: 10 }, (_, i) => `Trạm Y tế phường ${i + 1}`)
const CLASSES: DiffClass[] = [
  'formatting',
  'formatting',
  'formatting',
  'formatting',
  'minor',
  'minor',
  'minor',
  'conflict',
  'conflict',
  'missing'
]
const FIELDS: ReviewField[] = ['full_name', 'full_name', 'dob', 'national_id', 'national_id', 'phone', 'address', 'gender']

export function fill(ws: Workspace, rows: number): { diffs: number } {
  const db = ws.db
  ensureReviewFunctions(db)
  // Seeded, so every run measures the same table.
  const rand = uniform(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  let diffs = 0
  ws.tx(() => {
    const now = new Date().toISOString()
    const imp = db.prepare('INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES (?, ?, ?, ?)')
    const regImport = Number(imp.run('registry', 'registry.xlsx', 'r', now).lastInsertRowid)
    const siteImport = Number(imp.run('site', 'site.xlsx', 's', now).lastInsertRowid)
    const rec = db.prepare(
      "INSERT INTO records (id, import_id, kind, source_sheet, source_row, raw_json, full_name, dob, national_id, site_name, person_id) VALUES (?, ?, ?, 'S', ?, '{}', ?, ?, ?, ?, ?)"
    )
    const person = db.prepare('INSERT INTO persons (id, created_at) VALUES (?, ?)')
    const link = db.prepare(
      "INSERT INTO links (id, subject_kind, subject_id, registry_record_id, match_weight, status) VALUES (?, 'person', ?, ?, ?, ?)"
    )
    const diff = db.prepare(
      'INSERT INTO diffs (link_id, registry_record_id, record_id, field, site_value, registry_value, class, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const row = db.prepare(
      `INSERT INTO review_rows (link_id, subject_kind, subject_id, full_name, name_key, site_name, band, match_weight, classes, fields, open_diffs, status)
       VALUES (?, 'person', ?, ?, vx_name_key(?), ?, ?, ?, ?, ?, ?, 'open')`
    )
    for (let i = 1; i <= rows; i++) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`
      const dob = `${1940 + Math.floor(rand() * 65)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`
      const id = String(Math.floor(rand() * 1e12)).padStart(12, '0')
      const site = pick(SITES)
      person.run(i, now)
      rec.run(i, regImport, 'registry', i, name, dob, id, null, null)
      rec.run(rows + i, siteImport, 'site', i, name, dob, id, site, i)
      const r = rand()
      const band = r < 0.9 ? 'auto' : r < 0.95 ? 'review' : 'confirmed'
      const weight = Math.round((band === 'review' ? 2 + rand() * 4 : 8 + rand() * 12) * 100) / 100
      link.run(i, i, i, weight, band)
      let classes = 0
      let fields = 0
      const n = rand() < 0.6 ? 1 : 2
      const used = new Set<ReviewField>()
      for (let k = 0; k < n; k++) {
        const field = pick(FIELDS)
        if (used.has(field)) continue
        used.add(field)
        const cls = pick(CLASSES)
        diff.run(i, i, rows + i, field, `${name} (site)`, name, cls, 'bench')
        classes |= classBit(cls)
        fields |= fieldBit(field)
        diffs++
      }
      row.run(i, i, name, name, site, band, weight, classes, fields, used.size)
    }
  })
  db.pragma('optimize')
  return { diffs }
}
