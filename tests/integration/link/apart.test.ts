import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { matchJob } from '../../../main/core/jobs/pipeline.ts'
import { createWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { cccd, population, siteRow, siteRows, type Person } from './population.ts'
import { insertRows, type RowInput } from './records.ts'

/**
 * Twins and namesakes without an ID on the site row: auto-linked only where what the row
 * shares with one of them alone tells them apart (a given name that contradicts the twin's,
 * an ID slip, the household), held otherwise. And one person's rows that contradict each
 * other by a slip while each fits the registry person. On a 1,500-person population with a
 * house and street for everyone, so EM learns what the given name and the household are worth.
 */
type Housed = Person & { address: string }

const at = (p: Person, house: number): Housed => ({ ...p, address: `Số ${house} Lê Lợi, Phường ${p.ward_code}` })
const person = (full_name: string, dob: string, gender: 'M' | 'F', serial: number, ward: string, house: number): Housed =>
  at({ full_name, dob, gender, national_id: cccd(dob, gender, serial), ward_code: ward, district_code: '001' }, house)

// Twins: same family name, birth date and household.
const khang = person('Phạm Minh Khang', '2001-05-05', 'M', 111111, '00003', 9001)
const lan = person('Phạm Thị Lan', '2001-05-05', 'F', 111112, '00003', 9001)
const tuan = person('Lê Văn Khang', '1990-03-03', 'M', 121212, '00004', 9002)
const tuanTwin = person('Lê Văn Khanh', '1990-03-03', 'M', 121213, '00004', 9002)
// Same family name, birth date and ward, other houses, given names one letter apart.
const tan = person('Trần Văn Tân', '1970-07-07', 'M', 131313, '00007', 9007)
const tam = person('Trần Văn Tâm', '1970-07-07', 'M', 141414, '00007', 9008)
// Namesakes: same name and birth date, in other wards or the same one.
const hung = person('Nguyễn Văn Hùng', '1975-02-02', 'M', 333333, '00001', 9003)
const hung2 = person('Nguyễn Văn Hùng', '1975-02-02', 'M', 444444, '00005', 9004)
const thu = person('Đỗ Thị Thu', '1982-06-06', 'F', 565656, '00006', 9005)
const thu2 = person('Đỗ Thị Thu', '1982-06-06', 'F', 787878, '00006', 9006)

// One person whose ID-carrying row mistypes the birth year, and a year-only row without the ID.
const yen = person('Hà Thị Yến', '2006-03-20', 'F', 151515, '00008', 9009)

let ws: Workspace
let regIds: number[]
const planted: Record<string, number> = {}

function linkOf(recordId: number): { status: string; registry: number | null; hold: string | null } {
  return ws.db
    .prepare(
      `SELECT l.status, l.registry_record_id AS registry, l.hold_reason AS hold
       FROM records r JOIN links l ON l.subject_kind = 'person' AND l.subject_id = r.person_id WHERE r.id = ?`
    )
    .get(recordId) as { status: string; registry: number | null; hold: string | null }
}

const personOf = (recordId: number): number =>
  (ws.db.prepare(`SELECT person_id FROM records WHERE id = ?`).get(recordId) as { person_id: number }).person_id

beforeAll(() => {
  ws = createWorkspace(join(tempDir('vaxrecon-link-apart-'), 'w.vaxrecon'))
  const crowd = population(1500, 11).map((p, i) => at(p, i + 1))
  const hard = [khang, lan, tuan, tuanTwin, tan, tam, hung, hung2, thu, thu2, yen]
  const people: Housed[] = [...crowd, ...hard]
  regIds = insertRows(ws, 'registry', 'registry.xlsx', people)
  const site = siteRows(crowd, 12)
  const rows: RowInput[] = site.rows.map((r, i) => ({ ...r, address: (crowd[site.truth[i] as number] as Housed).address }))
  const plantedRows: [string, RowInput][] = [
    ['khang_no_id', siteRow(khang, ['no_id'], { address: khang.address })],
    ['tuan_no_id', siteRow(tuan, ['no_id'], { address: tuan.address })],
    ['tan_no_id_home', siteRow(tan, ['no_id'], { address: tan.address })],
    ['hung_id_slip', siteRow(hung, ['id_swapped'])],
    ['hung_no_id_home', siteRow(hung, ['no_id'], { address: hung.address })],
    ['hung_no_id', siteRow(hung, ['no_id'])],
    ['yen_year_slip', siteRow(yen, [], { dob: '2008-03-20', address: yen.address })],
    ['yen_year_only', siteRow(yen, ['no_id', 'year_only'], { address: yen.address })],
    ['thu_no_id_home', siteRow(thu, ['no_id'], { address: thu.address })]
  ]
  const ids = insertRows(ws, 'site', 'site.xlsx', [...rows, ...plantedRows.map(([, r]) => r)])
  plantedRows.forEach(([k], i) => (planted[k] = ids[rows.length + i] as number))
  matchJob(ws, {}, inlineContext())
})
afterAll(() => ws?.close())

const reg = (p: Housed): number => regIds[1500 + [khang, lan, tuan, tuanTwin, tan, tam, hung, hung2, thu, thu2, yen].indexOf(p)] as number

describe('telling twins and namesakes apart', () => {
  it('links a twin whose given name contradicts the other twin’s, and holds one whose twin’s name is close', () => {
    expect(linkOf(planted['khang_no_id'] as number)).toMatchObject({ status: 'auto', registry: reg(khang), hold: null })
    // Khang and Khanh are one letter apart, a typo as likely as a twin: the given name does not settle it.
    expect(linkOf(planted['tuan_no_id'] as number)).toMatchObject({ status: 'review', hold: 'twin' })
  })

  it('links a row at its own house when the registry’s “twin” lives in another house and scores far below', () => {
    expect(linkOf(planted['tan_no_id_home'] as number)).toMatchObject({ status: 'auto', registry: reg(tan), hold: null })
  })

  it('links a namesake on a slip of his own ID, or at his household when the other lives in another ward', () => {
    expect(linkOf(planted['hung_id_slip'] as number)).toMatchObject({ status: 'auto', registry: reg(hung), hold: null })
    expect(linkOf(planted['hung_no_id_home'] as number)).toMatchObject({ status: 'auto', registry: reg(hung), hold: null })
  })

  it('holds a namesake with neither, or whose namesake lives in the same ward', () => {
    expect(linkOf(planted['hung_no_id'] as number)).toMatchObject({ status: 'review', hold: 'namesake' })
    expect(linkOf(planted['thu_no_id_home'] as number)).toMatchObject({ status: 'review', hold: 'namesake' })
  })
})

describe('the registry person as witness', () => {
  it('keeps one person’s rows together when each fits the registry person and they differ by a slip', () => {
    const slip = linkOf(planted['yen_year_slip'] as number)
    const yearOnly = linkOf(planted['yen_year_only'] as number)
    expect(slip).toMatchObject({ status: 'auto', registry: reg(yen), hold: null })
    expect(yearOnly).toEqual(slip)
    expect(personOf(planted['yen_year_only'] as number)).toBe(personOf(planted['yen_year_slip'] as number))
  })
})
