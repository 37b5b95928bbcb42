import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { JobCancelledError } from '../../../main/core/base/errors.ts'
import { getLinkSettings } from '../../../main/core/link/settings.ts'
import { applyThresholds, matchJob } from '../../../main/core/jobs/pipeline.ts'
import type { Contribution } from '../../../main/core/link/model/score.ts'
import { linkDetail } from '../../../main/core/link/queries.ts'
import { createWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { cli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { cccd, population, siteRow, siteRows, type Person } from './population.ts'
import { insertRows } from './records.ts'

/**
 * The match job on a real workspace: a synthetic population of 1,500 with noisy site rows,
 * plus planted hard cases whose outcome is exactly known.
 */
const twinA: Person = {
  full_name: 'Phạm Minh Khang',
  dob: '2001-05-05',
  gender: 'M',
  national_id: cccd('2001-05-05', 'M', 111111),
  ward_code: '00003',
  district_code: '001'
}
const twinB: Person = { ...twinA, full_name: 'Phạm Minh Khoa', national_id: cccd('2001-05-05', 'M', 222222) }
const namesake1: Person = {
  full_name: 'Nguyễn Văn Hùng',
  dob: '1975-02-02',
  gender: 'M',
  national_id: cccd('1975-02-02', 'M', 333333),
  ward_code: '00001',
  district_code: '001'
}
const namesake2: Person = { ...namesake1, national_id: cccd('1975-02-02', 'M', 444444), ward_code: '00005' }
const mai: Person = {
  full_name: 'Trần Thị Mai',
  dob: '1988-09-09',
  gender: 'F',
  national_id: cccd('1988-09-09', 'F', 555555),
  ward_code: '00002',
  district_code: '001'
}

let ws: Workspace
let dir: string
let truth: number[]
let siteIds: number[]
let regIds: number[]
let planted: Record<string, number>

interface LinkOf {
  status: string
  registry: number | null
  person: number
  hold: string | null
}

function linkOfSiteRow(recordId: number): LinkOf {
  return ws.db
    .prepare(
      `SELECT l.status, l.registry_record_id AS registry, r.person_id AS person, l.hold_reason AS hold
       FROM records r JOIN links l ON l.subject_kind = 'person' AND l.subject_id = r.person_id
       WHERE r.id = ? ORDER BY CASE WHEN l.status IN ('confirmed', 'auto', 'review') THEN 0 ELSE 1 END, l.id DESC LIMIT 1`
    )
    .get(recordId) as LinkOf
}

beforeAll(() => {
  dir = tempDir('vaxrecon-link-')
  ws = createWorkspace(join(dir, 'w.vaxrecon'))
  const people = [...population(1500, 11), twinA, twinB, namesake1, namesake2, mai]
  regIds = insertRows(ws, 'registry', 'registry.xlsx', people)
  const site = siteRows(people.slice(0, 1500), 12)
  truth = site.rows.map((_, i) => regIds[site.truth[i] as number] as number)
  const plantedRows = [
    ['twinA_no_id', siteRow(twinA, ['no_id'], { phone: '0900000001' })],
    ['twinB_with_id', siteRow(twinB, [], { phone: '0900000001' })],
    ['namesake_no_id', siteRow(namesake1, ['no_id'])],
    ['namesake2_with_id', siteRow(namesake2, [])],
    ['mai_dose1', siteRow(mai, [], { phone: '0911111111', vaccine: 'PFIZER', dose_number: 1, dose_date: '2021-07-01' })],
    [
      'mai_dose2',
      siteRow(mai, ['upper', 'no_diacritics', 'year_only', 'no_id'], {
        phone: '0911111111',
        vaccine: 'PFIZER',
        dose_number: 2,
        dose_date: '2021-07-15'
      })
    ],
    ['mai_dose2_again', siteRow(mai, ['no_id'], { phone: '0911111111', vaccine: 'PFIZER', dose_number: 2, dose_date: '2021-07-15' })]
  ] as const
  siteIds = insertRows(ws, 'site', 'site_a.xlsx', [...site.rows, ...plantedRows.map(([, r]) => r)])
  planted = Object.fromEntries(plantedRows.map(([k], i) => [k, siteIds[site.rows.length + i] as number]))
  const [complaint] = insertRows(ws, 'complaint', 'complaints.xlsx', [
    {
      full_name: 'Trần Thị Mai',
      dob: '1988-09-09',
      national_id: mai.national_id,
      phone: '0911111111',
      complaint_id: 'KN-1',
      complaint_type: 'Thiếu mũi tiêm',
      vaccine: 'PFIZER',
      dose_number: 2,
      dose_date: '2021-07-15'
    }
  ])
  planted['complaint'] = complaint as number
  matchJob(ws, {}, inlineContext())
})

afterAll(() => ws?.close())

describe('the match job', () => {
  it('links noisy site rows with high precision and recall, and counts by status', () => {
    let tp = 0
    let fp = 0
    truth.forEach((t, i) => {
      const l = linkOfSiteRow(siteIds[i] as number)
      if (l.status !== 'auto') return
      if (l.registry === t) tp++
      else fp++
    })
    const precision = tp / (tp + fp)
    const recall = tp / truth.length
    expect(precision).toBeGreaterThan(0.995)
    expect(recall).toBeGreaterThan(0.97)
  })

  it('never auto-links a twin without an agreeing ID, and links the twin whose ID agrees', () => {
    const a = linkOfSiteRow(planted['twinA_no_id'] as number)
    expect(a.status).toBe('review')
    expect(a.hold).toBe('twin')
    const b = linkOfSiteRow(planted['twinB_with_id'] as number)
    expect(b).toMatchObject({ status: 'auto', registry: regIds[1501] })
    // They share a phone, ward and birth date, yet stay two persons.
    expect(a.person).not.toBe(b.person)
  })

  it('sends a namesake to review unless the ID settles it', () => {
    expect(linkOfSiteRow(planted['namesake_no_id'] as number)).toMatchObject({ status: 'review', hold: 'namesake' })
    expect(linkOfSiteRow(planted['namesake2_with_id'] as number)).toMatchObject({ status: 'auto', registry: regIds[1503] })
  })

  it('groups one person’s doses, spelled differently, into one person, and checks them', () => {
    const rows = ['mai_dose1', 'mai_dose2', 'mai_dose2_again'].map((k) => linkOfSiteRow(planted[k] as number))
    expect(new Set(rows.map((r) => r.person)).size).toBe(1)
    expect(rows[0]).toMatchObject({ status: 'auto', registry: regIds[1504] })
    const issues = ws.db
      .prepare('SELECT record_id, kind, detail FROM dose_issues WHERE person_id = ? ORDER BY id')
      .all(rows[0]?.person) as { record_id: number; kind: string; detail: string }[]
    expect(issues.map((i) => [i.record_id, i.kind])).toEqual([
      [planted['mai_dose2_again'], 'duplicate'],
      [planted['mai_dose2'], 'short_interval']
    ])
  })

  it('links a complaint to its registry person, its site person and the supporting site row', () => {
    const c = ws.db.prepare(`SELECT person_id FROM records WHERE id = ?`).get(planted['complaint']) as { person_id: number }
    expect(c.person_id).toBe(linkOfSiteRow(planted['mai_dose1'] as number).person)
    const link = ws.db
      .prepare(`SELECT status, registry_record_id FROM links WHERE subject_kind = 'complaint' AND subject_id = ?`)
      .get(planted['complaint'])
    expect(link).toEqual({ status: 'auto', registry_record_id: regIds[1504] })
    const evidence = ws.db
      .prepare('SELECT site_record_id, relation FROM complaint_evidence WHERE complaint_record_id = ? ORDER BY site_record_id')
      .all(planted['complaint']) as { site_record_id: number; relation: string }[]
    expect(evidence).toEqual([
      { site_record_id: planted['mai_dose1'], relation: 'related' },
      { site_record_id: planted['mai_dose2'], relation: 'supports' },
      { site_record_id: planted['mai_dose2_again'], relation: 'supports' }
    ])
  })

  it('stores every comparison’s contribution, summing to the match weight, and the candidates', () => {
    const personLink = ws.db
      .prepare(`SELECT id FROM links WHERE subject_kind = 'person' AND subject_id = ?`)
      .get(linkOfSiteRow(planted['namesake_no_id'] as number).person) as { id: number }
    const d = linkDetail(ws.db, personLink.id)
    expect(d?.contributions[0]?.comparison).toBe('prior')
    const sum = (d?.contributions ?? []).reduce((s: number, c: Contribution) => s + c.weight, 0)
    expect(sum).toBeCloseTo(d?.weight ?? NaN, 1)
    expect(d?.contributions.map((c) => c.comparison)).toEqual(
      expect.arrayContaining(['given_name', 'surname', 'middle_name', 'dob', 'gender', 'national_id', 'location'])
    )
    expect(d?.candidates.map((c) => c.registry.id).sort()).toEqual([regIds[1502], regIds[1503]].sort())
    expect(d?.probability).toBeGreaterThan(0)
  })

  it('writes one `vaxrecon links` row per site and complaint row, with the contract columns', () => {
    const r = cli(['links', ws.path, '--format', 'csv'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split(/\r?\n/)
    expect(lines[0]).toBe(
      'source_kind,source_file,source_sheet,source_row,registry_file,registry_row,person_id,match_weight,match_probability,status'
    )
    expect(lines.length - 1).toBe(siteIds.length + 1)
    const twin = lines.find((l) => l.startsWith(`site,site_a.xlsx,Sheet1,${siteIds.indexOf(planted['twinB_with_id'] as number) + 2},`))
    expect(twin).toMatch(/,registry\.xlsx,1503,\d+,[\d.]+,[\d.e-]+,auto$/)
    const json = JSON.parse(cli(['links', ws.path, '--format', 'json']).stdout) as Record<string, unknown>[]
    expect(json.at(-1)).toMatchObject({
      source_kind: 'complaint',
      source_file: 'complaints.xlsx',
      status: 'auto',
      registry_file: 'registry.xlsx',
      registry_row: 1506
    })
  })

  it('re-sorts links when the thresholds move, without touching decided links', () => {
    const before = ws.db.prepare(`SELECT status, count(*) AS n FROM links GROUP BY status`).all()
    const strict = applyThresholds(ws, { auto: 60, review: 59 }, inlineContext())
    expect(strict.statuses['auto'] ?? 0).toBe(0)
    applyThresholds(ws, { auto: 10, review: -4 }, inlineContext())
    expect(ws.db.prepare(`SELECT status, count(*) AS n FROM links GROUP BY status`).all()).toEqual(before)
    expect(ws.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'link.thresholds'`).get()).toEqual({ n: 2 })
  })
})

describe('re-running match', () => {
  it('keeps every clerk decision, and never re-links a rejected subject automatically', () => {
    // A clerk confirms the twin in review and rejects the namesake holder's link.
    const twinPerson = linkOfSiteRow(planted['twinA_no_id'] as number).person
    const namesakePerson = linkOfSiteRow(planted['namesake_no_id'] as number).person
    ws.db
      .prepare(
        `UPDATE links SET status = 'confirmed', registry_record_id = ?, decided_by = 'clerk', decided_at = 'now' WHERE subject_kind = 'person' AND subject_id = ?`
      )
      .run(regIds[1500], twinPerson)
    ws.db
      .prepare(
        `UPDATE links SET status = 'rejected', decided_by = 'clerk', decided_at = 'now' WHERE subject_kind = 'person' AND subject_id = ?`
      )
      .run(namesakePerson)
    const rejectedTarget = (
      ws.db.prepare(`SELECT registry_record_id FROM links WHERE subject_kind = 'person' AND subject_id = ?`).get(namesakePerson) as {
        registry_record_id: number
      }
    ).registry_record_id
    // A new site file brings another dose of twin A, with his ID this time.
    const [newRow] = insertRows(ws, 'site', 'site_b.xlsx', [
      siteRow(twinA, [], { vaccine: 'PFIZER', dose_number: 2, dose_date: '2021-09-01' })
    ])
    const decidedBefore = ws.db.prepare(`SELECT * FROM links WHERE decided_by IS NOT NULL ORDER BY id`).all()

    matchJob(ws, {}, inlineContext())

    expect(ws.db.prepare(`SELECT * FROM links WHERE decided_by IS NOT NULL ORDER BY id`).all()).toEqual(decidedBefore)
    expect(linkOfSiteRow(newRow as number)).toMatchObject({ person: twinPerson, status: 'confirmed', registry: regIds[1500] })
    const again = ws.db
      .prepare(
        `SELECT status, registry_record_id, hold_reason FROM links WHERE subject_kind = 'person' AND subject_id = ? AND decided_by IS NULL`
      )
      .all(namesakePerson) as { status: string; registry_record_id: number | null; hold_reason: string | null }[]
    expect(again.every((l) => l.status !== 'auto' && l.registry_record_id !== rejectedTarget)).toBe(true)
  })

  it('leaves the workspace exactly as it was when cancelled', () => {
    const snapshot = () => ({
      links: ws.db.prepare('SELECT * FROM links ORDER BY id').all(),
      persons: ws.db.prepare('SELECT id, person_id FROM records ORDER BY id').all(),
      runs: ws.db.prepare('SELECT count(*) AS n FROM match_runs').get()
    })
    const before = snapshot()
    let stage = ''
    const ctx = inlineContext(
      (p) => (stage = p.stage),
      () => stage === 'store'
    )
    expect(() => matchJob(ws, {}, ctx)).toThrow(JobCancelledError)
    expect(snapshot()).toEqual(before)
  })

  it('`vaxrecon match --duplicate-window` widens the duplicate-dose check and keeps the setting', () => {
    expect(cli(['match', ws.path, '--duplicate-window', 'soon']).code).toBe(2)
    expect(cli(['match', ws.path, '--duplicate-window', '61']).code).toBe(2)
    // Mai's second Pfizer dose came 14 days after the first: too soon, or the same dose twice.
    const kindOf = () => ws.db.prepare('SELECT kind FROM dose_issues WHERE record_id = ?').pluck().get(planted['mai_dose2'])
    expect(kindOf()).toBe('short_interval')
    const r = cli(['match', ws.path, '--duplicate-window', '14', '--json'])
    expect(r.code).toBe(0)
    expect(kindOf()).toBe('duplicate')
    expect(getLinkSettings(ws.db).duplicateWindowDays).toBe(14)
  })
})
