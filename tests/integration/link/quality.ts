import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { iterateLinkRows } from '../../../main/core/link/link-rows.ts'
import type { Workspace } from '../../../main/core/workspace/workspace.ts'

/**
 * Link quality against ground truth, for the regression tests and `npm run bench`:
 * precision, recall and F1 of the links (auto or confirmed), next to two baselines a
 * district office would otherwise use: VLOOKUP on the exact ID, and on name + birth date.
 */
export interface Scores {
  n: number
  tp: number
  fp: number
  fn: number
  review: number
}

export const emptyScores = (): Scores => ({ n: 0, tp: 0, fp: 0, fn: 0, review: 0 })

export function count(s: Scores, predicted: string | null, truth: string | null, review = false): void {
  s.n++
  if (review) s.review++
  if (predicted !== null && predicted === truth) s.tp++
  else {
    if (predicted !== null) s.fp++
    if (truth !== null) s.fn++
  }
}

export function prf(s: Scores): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp)
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn)
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}

export function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  const cols = (head ?? '').split(',')
  // The truth files hold file names, numbers and tag lists: no quoted commas.
  return lines.map((l) => {
    const v = l.split(',')
    return Object.fromEntries(cols.map((c, i) => [c, v[i] ?? '']))
  })
}

type Baseline = (r: { id: string | null; name: string | null; dob: string | null }) => string | null

/** VLOOKUP semantics: the first registry row (by row number) with the same key. */
function baselines(ws: Workspace): { exactId: Baseline; nameDob: Baseline } {
  const byId = new Map<string, string>()
  const byNameDob = new Map<string, string>()
  for (const r of ws.db
    .prepare(
      `SELECT national_id AS id, full_name AS name, dob, source_row AS row FROM records WHERE kind = 'registry' ORDER BY source_row DESC`
    )
    .iterate() as IterableIterator<{ id: string | null; name: string | null; dob: string | null; row: number }>) {
    if (r.id) byId.set(r.id, String(r.row))
    if (r.name && r.dob) byNameDob.set(`${r.name}|${r.dob}`, String(r.row))
  }
  return {
    exactId: (r) => (r.id ? (byId.get(r.id) ?? null) : null),
    nameDob: (r) => (r.name && r.dob ? (byNameDob.get(`${r.name}|${r.dob}`) ?? null) : null)
  }
}

export interface DemoQuality {
  site: Scores
  complaints: Scores
  exactId: Scores
  nameDob: Scores
  /** Site rows by noise tag: VaxRecon and the exact-ID baseline. */
  byTag: Map<string, { vaxrecon: Scores; exactId: Scores }>
  /**
   * Auto-linked rows whose registry person is a twin or a namesake, how many of them were
   * wrong, and how many such auto links (persons and complaints) had no exact or crosswalk
   * ID match (the engine holds those for a clerk, so this should be 0).
   */
  hardAuto: number
  hardWrong: number
  hardWithoutId: number
}

/** Scores a matched workspace built from `vaxrecon demo` output in demoDir. */
export function demoQuality(ws: Workspace, demoDir: string): DemoQuality {
  const truth = new Map<string, Record<string, string>>()
  for (const f of ['site_rows.csv', 'complaint_rows.csv'])
    for (const r of readCsv(join(demoDir, 'truth', f))) truth.set(`${r['source_file']}|${r['source_row']}`, r)
  const hard = new Map(readCsv(join(demoDir, 'truth', 'registry_rows.csv')).map((r) => [r['registry_row'], r['hard_case']]))
  const base = baselines(ws)
  const fields = new Map<string, { id: string | null; name: string | null; dob: string | null }>()
  for (const r of ws.db
    .prepare(
      `SELECT i.file_name AS file, r.source_row AS row, r.national_id AS id, r.full_name AS name, r.dob FROM records r JOIN imports i ON i.id = r.import_id WHERE r.kind <> 'registry'`
    )
    .iterate() as IterableIterator<{ file: string; row: number; id: string | null; name: string | null; dob: string | null }>) {
    fields.set(`${r.file}|${r.row}`, r)
  }
  const q: DemoQuality = {
    site: emptyScores(),
    complaints: emptyScores(),
    exactId: emptyScores(),
    nameDob: emptyScores(),
    byTag: new Map(),
    hardAuto: 0,
    hardWrong: 0,
    hardWithoutId: 0
  }
  const hardRows = JSON.stringify([...hard].filter(([, h]) => h).map(([r]) => Number(r)))
  q.hardWithoutId = (
    ws.db
      .prepare(
        `SELECT count(*) AS n FROM links l JOIN records rr ON rr.id = l.registry_record_id
         WHERE l.status = 'auto' AND rr.source_row IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM json_each(l.contributions_json) c
                           WHERE c.value ->> 'comparison' = 'national_id' AND c.value ->> 'level' IN ('exact', 'crosswalk'))
           -- The waterfall explains the person's best row; another of its rows may carry the ID.
           AND NOT EXISTS (SELECT 1 FROM records s WHERE l.subject_kind = 'person' AND s.person_id = l.subject_id AND s.national_id IN (rr.national_id, rr.old_national_id))
           AND NOT EXISTS (SELECT 1 FROM records s WHERE l.subject_kind = 'complaint' AND s.id = l.subject_id AND s.national_id IN (rr.national_id, rr.old_national_id))`
      )
      .get(hardRows) as { n: number }
  ).n
  for (const link of iterateLinkRows(ws)) {
    const key = `${link.source_file}|${link.source_row}`
    const t = truth.get(key)
    if (!t) throw new Error(`no truth for ${key}`)
    const expected = t['registry_row'] || null
    const predicted = link.status === 'auto' || link.status === 'confirmed' ? String(link.registry_row) : null
    if (predicted && hard.get(predicted)) {
      q.hardAuto++
      if (predicted !== expected) q.hardWrong++
    }
    if (link.source_kind === 'complaint') {
      count(q.complaints, predicted, expected, link.status === 'review')
      continue
    }
    count(q.site, predicted, expected, link.status === 'review')
    const f = fields.get(key) ?? { id: null, name: null, dob: null }
    const exact = base.exactId(f)
    count(q.exactId, exact, expected)
    count(q.nameDob, base.nameDob(f), expected)
    for (const tag of (t['noise_tags'] || '(none)').split(/[;|]/)) {
      const s = q.byTag.get(tag) ?? { vaxrecon: emptyScores(), exactId: emptyScores() }
      count(s.vaxrecon, predicted, expected, link.status === 'review')
      count(s.exactId, exact, expected)
      q.byTag.set(tag, s)
    }
  }
  return q
}

/** FEBRL's rec_id ("rec-42-dup-1") is the first cell of the raw row; 42 names the person. */
function recId(raw: string): string {
  const cells = JSON.parse(raw) as unknown
  const id = Array.isArray(cells) ? cells[0] : (cells as { rec_id?: unknown }).rec_id
  return String(id).split('-')[1] as string
}

/** FEBRL two-file linkage: site rows (4b duplicates) to registry rows (4a originals). */
export function febrlLinkage(ws: Workspace): { vaxrecon: Scores; exactId: Scores; nameDob: Scores } {
  const reg = new Map<string, string>()
  const byId = new Map<string, string>()
  const byNameDob = new Map<string, string>()
  for (const r of ws.db
    .prepare(`SELECT raw_json, national_id, full_name, dob FROM records WHERE kind = 'registry' ORDER BY id DESC`)
    .all() as { raw_json: string; national_id: string | null; full_name: string | null; dob: string | null }[]) {
    const k = recId(r.raw_json)
    reg.set(k, k)
    if (r.national_id) byId.set(r.national_id, k)
    if (r.full_name && r.dob) byNameDob.set(`${r.full_name}|${r.dob}`, k)
  }
  const out = { vaxrecon: emptyScores(), exactId: emptyScores(), nameDob: emptyScores() }
  const rows = ws.db
    .prepare(
      `SELECT r.raw_json, r.national_id, r.full_name, r.dob, l.status, rr.raw_json AS reg_raw
       FROM records r LEFT JOIN links l ON l.subject_kind = 'person' AND l.subject_id = r.person_id AND l.status IN ('auto', 'confirmed', 'review')
       LEFT JOIN records rr ON rr.id = l.registry_record_id WHERE r.kind = 'site'`
    )
    .all() as {
    raw_json: string
    national_id: string | null
    full_name: string | null
    dob: string | null
    status: string | null
    reg_raw: string | null
  }[]
  for (const r of rows) {
    const truth = reg.get(recId(r.raw_json)) ?? null
    const linked = r.status === 'auto' || r.status === 'confirmed' ? recId(r.reg_raw as string) : null
    count(out.vaxrecon, linked, truth, r.status === 'review')
    count(out.exactId, r.national_id ? (byId.get(r.national_id) ?? null) : null, truth)
    count(out.nameDob, r.full_name && r.dob ? (byNameDob.get(`${r.full_name}|${r.dob}`) ?? null) : null, truth)
  }
  return out
}

/** Pairwise scores of a clustering against true clusters (FEBRL deduplication). */
export function pairScores(items: readonly { truth: string; predicted: string | null }[]): Scores {
  const truePairs = new Map<string, number>()
  const predPairs = new Map<string, number>()
  const both = new Map<string, number>()
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  for (const it of items) {
    inc(truePairs, it.truth)
    if (it.predicted !== null) {
      inc(predPairs, it.predicted)
      inc(both, `${it.truth}|${it.predicted}`)
    }
  }
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0)
  const tp = pairs(both)
  return { n: items.length, tp, fp: pairs(predPairs) - tp, fn: pairs(truePairs) - tp, review: 0 }
}

/** FEBRL deduplication of one file imported as site rows: persons against rec-N groups. */
export function febrlDedup(ws: Workspace): { vaxrecon: Scores; exactId: Scores; nameDob: Scores } {
  const rows = ws.db.prepare(`SELECT raw_json, person_id, national_id, full_name, dob FROM records WHERE kind = 'site'`).all() as {
    raw_json: string
    person_id: number | null
    national_id: string | null
    full_name: string | null
    dob: string | null
  }[]
  const truth = rows.map((r) => recId(r.raw_json))
  return {
    vaxrecon: pairScores(rows.map((r, i) => ({ truth: truth[i] as string, predicted: r.person_id === null ? null : String(r.person_id) }))),
    exactId: pairScores(rows.map((r, i) => ({ truth: truth[i] as string, predicted: r.national_id }))),
    nameDob: pairScores(
      rows.map((r, i) => ({ truth: truth[i] as string, predicted: r.full_name && r.dob ? `${r.full_name}|${r.dob}` : null }))
    )
  }
}
