import { basename } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import { now } from '../base/clock.ts'
import { VaxError } from '../base/errors.ts'
import { moveThresholds } from '../link/apply-thresholds.ts'
import { holdFor, statusFor, type HoldReason } from '../link/decide.ts'
import { priorWeight, probability, round, type Contribution } from '../link/model/score.ts'
import { getLinkSettings } from '../link/settings.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { complaintRecordIds, recordKinds, type RecordKindRow } from '../records/splink-reads.ts'
import { readPredictions, type Prediction } from './predictions-read.ts'
import { lastModel, type StoredModel } from './settings.ts'

export interface PredictionsImport {
  runId: number
  predictions: number
  links: Record<string, number>
}

/** Candidates kept per subject for the review panel, as a match keeps them. */
const STORED_CANDIDATES = 3

interface Cand {
  registry: number
  weight: number
  gammas: Map<string, number>
}

const refuse = (code: string, vi: string, en: string, rows: number[]): VaxError =>
  new VaxError(code, {
    vi: `${vi} (dòng ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? '…' : ''}). Không gian làm việc không thay đổi.`,
    en: `${en} (rows ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? '…' : ''}). The workspace is unchanged.`
  })

/** A gamma as VaxRecon's level index (Splink counts down from the strongest level to 0; −1 missing). */
function levelIndex(c: StoredModel['comparisons'][number], gamma: number): number {
  return gamma < 0 ? -1 : c.levels.length - 1 - gamma
}

/** The waterfall the gammas allow: each comparison's log2(m/u) (names without their frequency adjustment). */
function waterfall(model: StoredModel, gammas: Map<string, number>): Contribution[] {
  if (gammas.size === 0) return []
  const out: Contribution[] = [{ comparison: 'prior', level: null, weight: round(priorWeight(model.lambda)) }]
  for (const c of model.comparisons) {
    const g = gammas.get(c.name)
    if (g === undefined) continue
    const l = levelIndex(c, g)
    out.push(
      l < 0
        ? { comparison: c.name, level: null, weight: 0 }
        : { comparison: c.name, level: c.levels[l] as string, weight: round(Math.log2((c.m[l] as number) / (c.u[l] as number))) }
    )
  }
  return out
}

/**
 * `vaxrecon links import`: Splink's predictions replace the machine links of the last
 * match. Persons stay as the match grouped them (site rows are subjects through their
 * person; complaints are their own); clerks' decisions stand; thresholds, holds, diffs,
 * review, four eyes and export then work on the links as on VaxRecon's own. Every row is
 * checked before anything is written; any bad row refuses the whole file. What comes back
 * stores them, inside the caller's transaction (jobs/pipeline.ts rebuilds the diffs after).
 */
export async function preparePredictions(ws: Workspace, path: string, actor: string | null = null): Promise<() => PredictionsImport> {
  const { rows } = await readPredictions(path)
  const db = ws.db
  const model = lastModel(db)
  const byName = new Map(model.comparisons.map((c) => [c.name, c]))
  const records = recordKinds(db)
  const unknown: number[] = []
  const noPerson: number[] = []
  const badGamma: number[] = []
  const seen = new Set<string>()
  const dup: number[] = []
  const bySubject = new Map<string, Cand[]>()
  const oriented = (p: Prediction): { subject: number; registry: number; row: RecordKindRow } | null => {
    const l = records.get(p.idL)
    const r = records.get(p.idR)
    if (!l || !r) return null
    if (r.kind === 'registry' && l.kind !== 'registry') return { subject: p.idL, registry: p.idR, row: l }
    if (l.kind === 'registry' && r.kind !== 'registry') return { subject: p.idR, registry: p.idL, row: r }
    return null
  }
  for (const p of rows) {
    const o = oriented(p)
    if (!o) {
      unknown.push(p.row)
      continue
    }
    const key = `${o.subject}:${o.registry}`
    if (seen.has(key)) dup.push(p.row)
    seen.add(key)
    for (const [name, g] of p.gammas) {
      const c = byName.get(name)
      if (c && (!Number.isInteger(g) || g < -1 || g >= c.levels.length)) badGamma.push(p.row)
    }
    const subject = o.row
    if (subject.kind === 'site' && subject.person_id === null) noPerson.push(p.row)
    const subjectKey = subject.kind === 'site' ? `person:${subject.person_id}` : `complaint:${o.subject}`
    const gammas = new Map([...p.gammas].filter(([n]) => byName.has(n)))
    const list = bySubject.get(subjectKey) ?? []
    list.push({ registry: o.registry, weight: p.weight, gammas })
    bySubject.set(subjectKey, list)
  }
  if (rows.length === 0) throw refuse('PREDICTIONS_EMPTY', 'Tệp dự đoán không có dòng nào', 'The predictions file has no rows', [0])
  if (unknown.length > 0) {
    throw refuse(
      'PREDICTIONS_UNKNOWN_ID',
      'Có mã unique_id không phải một cặp bản ghi điểm tiêm/phản ánh – CSDL dân cư của không gian làm việc này',
      'Some unique_id pairs are not a site or complaint record and a registry record of this workspace',
      unknown
    )
  }
  if (dup.length > 0) throw refuse('PREDICTIONS_DUPLICATE', 'Có cặp bản ghi xuất hiện hai lần', 'Some pairs of records appear twice', dup)
  if (badGamma.length > 0)
    throw refuse(
      'PREDICTIONS_GAMMA',
      'Có giá trị gamma ngoài các mức của mô hình',
      'Some gamma values are outside the model’s levels',
      badGamma
    )
  if (noPerson.length > 0) {
    throw refuse(
      'PREDICTIONS_NO_PERSON',
      'Có dòng điểm tiêm chưa được nhóm thành người: hãy chạy liên kết (vaxrecon match) trước',
      'Some site rows are not grouped into persons yet: run the match (vaxrecon match) first',
      noPerson
    )
  }

  const t = getLinkSettings(db).thresholds
  return () => {
    const decided = db
      .prepare(`SELECT subject_kind, subject_id, registry_record_id, status FROM links WHERE decided_by IS NOT NULL`)
      .all() as {
      subject_kind: string
      subject_id: number
      registry_record_id: number | null
      status: string
    }[]
    const settled = new Set(decided.filter((d) => d.status === 'confirmed').map((d) => `${d.subject_kind}:${d.subject_id}`))
    const rejected = new Set(
      decided.filter((d) => d.status === 'rejected').map((d) => `${d.subject_kind}:${d.subject_id}:${d.registry_record_id}`)
    )
    const prev = db
      .prepare('SELECT model_json FROM match_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1')
      .pluck()
      .get() as string
    db.prepare('DELETE FROM candidates').run()
    db.prepare('DELETE FROM links WHERE decided_by IS NULL').run()
    const at = now().toISOString()
    const runId = Number(
      db
        .prepare('INSERT INTO match_runs (started_at, finished_at, params_json, model_json) VALUES (?, ?, ?, ?)')
        .run(at, at, JSON.stringify({ source: 'splink', file: basename(path) }), prev).lastInsertRowid
    )
    const insertLink = db.prepare(
      `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, match_probability, status, hold_reason, contributions_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertCand = db.prepare(
      'INSERT INTO candidates (subject_kind, subject_id, registry_record_id, match_weight, contributions_json) VALUES (?, ?, ?, ?, ?)'
    )
    const subjects = [
      ...(db.prepare(`SELECT id FROM persons ORDER BY id`).pluck().all() as number[]).map((id) => `person:${id}`),
      ...complaintRecordIds(db).map((id) => `complaint:${id}`)
    ]
    const idC = model.comparisons.find((c) => c.name === 'national_id')
    const givenC = model.comparisons.find((c) => c.name === 'given_name')
    const level = (c: StoredModel['comparisons'][number] | undefined, x: Cand): number => {
      const g = c ? x.gammas.get(c.name) : undefined
      return c && g !== undefined ? levelIndex(c, g) : -1
    }
    const r4 = (x: number): number => Math.round(x * 10_000) / 10_000
    for (const key of subjects) {
      if (settled.has(key)) continue
      const [kind, idText] = key.split(':') as ['person' | 'complaint', string]
      const id = Number(idText)
      // Best prediction per registry person (a person's rows may each have one), best first.
      const best = new Map<number, Cand>()
      for (const c of bySubject.get(key) ?? []) if ((best.get(c.registry)?.weight ?? -Infinity) < c.weight) best.set(c.registry, c)
      const wasRejected = (c: Cand): boolean => rejected.has(`${key}:${c.registry}`)
      const cands = [...best.values()].filter((c) => !wasRejected(c)).sort((a, b) => b.weight - a.weight)
      const before = best.size > cands.length
      const top = cands[0]
      const views = cands.map((c) => ({
        weight: c.weight,
        idAgrees: [0, 1].includes(level(idC, c)),
        namesakes: 1,
        twins: 1,
        givenLevel: level(givenC, c)
      }))
      const hold: HoldReason | null = before ? 'rejected_before' : holdFor(views, () => false)
      const status = top ? statusFor(top.weight, hold, t) : 'none'
      const contributions = top ? JSON.stringify(waterfall(model, top.gammas)) : '[]'
      insertLink.run(
        runId,
        kind,
        id,
        top?.registry ?? null,
        top ? r4(top.weight) : null,
        top ? probability(top.weight) : null,
        status,
        top ? hold : null,
        contributions
      )
      for (const c of cands.slice(0, STORED_CANDIDATES))
        insertCand.run(kind, id, c.registry, r4(c.weight), JSON.stringify(waterfall(model, c.gammas)))
    }
    appendAudit(db, {
      actor,
      action: 'links.import',
      entity: 'match_runs',
      entityId: runId,
      new: { file: basename(path), predictions: rows.length, source: 'splink' }
    })
    // Thresholds again over every link: two persons auto-linked to one registry person go to review.
    const { statuses } = moveThresholds(db, t, actor)
    return { runId, predictions: rows.length, links: statuses }
  }
}
