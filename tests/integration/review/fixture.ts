import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { addUser, type User } from '../../../main/core/users/users.ts'
import { createWorkspace, openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * A small, realistic workspace for review tests, written straight into the tables the
 * import and linkage steps fill: two sites, a registry extract and a complaint list, the
 * persons, links (auto, review, none), candidates with their waterfalls and dose issues.
 * Every row exists for a reason named next to it.
 */
export interface ReviewFixture {
  ws: Workspace
  path: string
  clerk: User
  clerk2: User
  supervisor: User
  /** Record ids by label (R* registry, S* site, C* complaint). */
  rec: Record<string, number>
  /** Person ids by label, link ids by subject label. */
  person: Record<string, number>
  link: Record<string, number>
}

type Row = Partial<Record<string, string | number | null>>

const SITE_A = 'Trạm Y tế xã Tân Lập'
const SITE_B = 'Bệnh viện Đa khoa huyện Đan Phượng'

const REGISTRY: Record<string, Row> = {
  R1: {
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: '001085012345',
    old_national_id: '012345678',
    address: 'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  R2: {
    full_name: 'Trần Thị Bích',
    dob: '1990-07-04',
    gender: 'F',
    national_id: '001190023456',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  R3: {
    full_name: 'Lê Văn Cường',
    dob: '1978-11-20',
    gender: 'M',
    national_id: '001078034567',
    address: 'Xã Đan Phượng, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09886'
  },
  R4: {
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'F',
    national_id: '001301045678',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // R4's namesake: same name and birth date, another commune. The review band exists for her.
  R5: {
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'F',
    national_id: '001301099999',
    address: 'Xã Hồng Hà, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09904'
  },
  R6: {
    full_name: 'Đỗ Minh Khoa',
    dob: '1969-02-28',
    gender: 'M',
    national_id: '001069056789',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  },
  R7: {
    full_name: 'Đỗ Minh Khôi',
    dob: '1969-02-28',
    gender: 'M',
    national_id: '001069056790',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  }
}

const SITE: Record<string, Row & { site: 'A' | 'B'; person: string }> = {
  // P1: typed without diacritics at site A; the same man at site B with no ID.
  S1: {
    site: 'A',
    person: 'P1',
    full_name: 'Nguyen Van Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: '001085012345',
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-08-01',
    address: 'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  S2: {
    site: 'B',
    person: 'P1',
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: null,
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 2,
    dose_date: '2021-10-20',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // The same first dose entered twice at site B: a duplicate dose.
  S7: {
    site: 'B',
    person: 'P1',
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: null,
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-08-01',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P2: day and month swapped.
  S3: {
    site: 'A',
    person: 'P2',
    full_name: 'Trần Thị Bích',
    dob: '1990-04-07',
    gender: 'F',
    national_id: '001190023456',
    phone: '0987654321',
    vaccine: 'PFIZER',
    dose_number: 1,
    dose_date: '2021-09-15',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P3: two ID digits transposed, and his given name with a one-letter slip.
  S4: {
    site: 'B',
    person: 'P3',
    full_name: 'Lê Văn Cuờng',
    dob: '1978-11-20',
    gender: 'M',
    national_id: '001078034576',
    phone: '0977111222',
    vaccine: 'VEROCELL',
    dose_number: 1,
    dose_date: '2021-07-10',
    address: 'Xã Đan Phượng, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09886'
  },
  // P4: linked in the review band (a namesake exists), gender typed wrong.
  S5: {
    site: 'A',
    person: 'P4',
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'M',
    national_id: null,
    phone: '0966333444',
    vaccine: 'MODERNA',
    dose_number: 1,
    dose_date: '2021-11-02',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P5: no link; two close candidates.
  S6: {
    site: 'B',
    person: 'P5',
    full_name: 'Đỗ Minh Khoa',
    dob: '1969-02-28',
    gender: 'M',
    national_id: null,
    phone: '0955666777',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-06-20',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  }
}

/** Complaints are dated relative to now, in Vietnam time as the portal writes it, so deadlines mean something. */
export const hoursAgo = (h: number): string => new Date(Date.now() - (h - 7) * 3_600_000).toISOString().slice(0, 19)

function complaints(): Record<string, Row> {
  return {
    // A true claim: a third dose given at site A is on no list.
    C1: {
      complaint_id: 'KN-0001',
      submitted_at: hoursAgo(30),
      complaint_type: 'missing_dose',
      full_name: 'Nguyen Van Anh',
      dob: '1985-03-12',
      national_id: '001085012345',
      phone: '0912345678',
      vaccine: 'PFIZER',
      dose_number: 3,
      dose_date: '2022-01-15',
      description: 'Tôi đã tiêm mũi 3 tại trạm y tế xã nhưng chưa thấy trên VNeID.'
    },
    // An overdue claim that the site rows contradict.
    C2: {
      complaint_id: 'KN-0002',
      submitted_at: hoursAgo(60),
      complaint_type: 'wrong_date',
      full_name: 'Trần Thị Bích',
      dob: '1990-07-04',
      national_id: '001190023456',
      phone: '0987654321',
      vaccine: 'PFIZER',
      dose_number: 1,
      dose_date: '2021-09-16',
      description: 'Ngày tiêm mũi 1 bị ghi sai.'
    }
  }
}

async function buildTemplate(): Promise<ReviewFixture> {
  const path = join(tempDir('vaxrecon-review-'), 'review.vaxrecon')
  const ws = createWorkspace(path)
  // The supervisor is the first user (the root of the endorsements) and adds the clerks.
  const supervisor = await addUser(ws, null, { name: 'Hùng', role: 'supervisor', password: 'mat-khau-hung' })
  const byHung = { userId: supervisor.id, signer: await signerFor(ws, supervisor, 'mat-khau-hung') }
  const clerk = await addUser(ws, byHung, { name: 'Lan', role: 'clerk', password: 'mat-khau-lan' })
  const clerk2 = await addUser(ws, byHung, { name: 'Minh', role: 'clerk', password: 'mat-khau-minh' })
  const rec: Record<string, number> = {}
  const person: Record<string, number> = {}
  const link: Record<string, number> = {}
  const now = new Date().toISOString()
  ws.tx(() => {
    const db = ws.db
    const imp = (kind: string, file: string): number =>
      Number(
        db
          .prepare(
            `INSERT INTO imports (kind, file_name, file_hash, sheet, header_row, rows_read, rows_imported, imported_at) VALUES (?, ?, ?, 'Sheet1', 5, 0, 0, ?)`
          )
          .run(kind, file, `hash-${file}`, now).lastInsertRowid
      )
    const imports = {
      registry: imp('registry', 'registry.xlsx'),
      A: imp('site', 'site_tan_lap.xlsx'),
      B: imp('site', 'site_bv_dan_phuong.xlsx'),
      complaint: imp('complaint', 'complaints.xlsx')
    }
    let row = 6
    const insert = (label: string, importId: number, kind: string, r: Row): void => {
      const cols = Object.keys(r)
      const id = Number(
        db
          .prepare(
            `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json${cols.map((c) => `, ${c}`).join('')})
             VALUES (?, ?, 'Sheet1', ?, ?${cols.map(() => ', ?').join('')})`
          )
          .run(importId, kind, row++, JSON.stringify(r), ...cols.map((c) => r[c] ?? null)).lastInsertRowid
      )
      rec[label] = id
    }
    for (const [label, r] of Object.entries(REGISTRY)) insert(label, imports.registry, 'registry', r)
    for (const [label, { site, person: _p, ...r }] of Object.entries(SITE)) {
      insert(label, site === 'A' ? imports.A : imports.B, 'site', { ...r, site_name: site === 'A' ? SITE_A : SITE_B })
    }
    for (const [label, r] of Object.entries(complaints())) insert(label, imports.complaint, 'complaint', r)

    for (const [label, s] of Object.entries(SITE)) {
      person[s.person] ??= Number(db.prepare('INSERT INTO persons (created_at) VALUES (?)').run(now).lastInsertRowid)
      db.prepare('UPDATE records SET person_id = ? WHERE id = ?').run(person[s.person], rec[label])
    }
    const run = Number(
      db.prepare(`INSERT INTO match_runs (started_at, finished_at, params_json) VALUES (?, ?, '{}')`).run(now, now).lastInsertRowid
    )
    const waterfall = (parts: [string, string, number][]): string =>
      JSON.stringify(parts.map(([comparison, level, weight]) => ({ comparison, level, weight })))
    const addLink = (
      label: string,
      kind: 'person' | 'complaint',
      subject: number,
      registry: number | null,
      weight: number | null,
      status: string,
      wf: string
    ): void => {
      link[label] = Number(
        db
          .prepare(
            `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, match_probability, status, contributions_json)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
          )
          .run(run, kind, subject, registry, weight, weight === null ? null : 1 / (1 + 2 ** -weight), status, wf).lastInsertRowid
      )
    }
    const strong = waterfall([
      ['prior', 'prior', -12],
      ['national_id', 'exact', 14],
      ['full_name', 'exact_folded', 6],
      ['dob', 'exact', 7],
      ['gender', 'agree', 0.9]
    ])
    addLink('P1', 'person', person['P1'] ?? 0, rec['R1'] ?? 0, 15.9, 'auto', strong)
    addLink('P2', 'person', person['P2'] ?? 0, rec['R2'] ?? 0, 12.2, 'auto', strong)
    addLink('P3', 'person', person['P3'] ?? 0, rec['R3'] ?? 0, 11.4, 'auto', strong)
    const namesake = waterfall([
      ['prior', 'prior', -12],
      ['full_name', 'exact', 9],
      ['dob', 'exact', 7],
      ['gender', 'disagree', -4.2],
      ['ward', 'agree', 3.1]
    ])
    addLink('P4', 'person', person['P4'] ?? 0, rec['R4'] ?? 0, 2.9, 'review', namesake)
    addLink('P5', 'person', person['P5'] ?? 0, null, null, 'none', '[]')
    addLink('C1', 'complaint', rec['C1'] ?? 0, rec['R1'] ?? 0, 14.1, 'auto', strong)
    addLink('C2', 'complaint', rec['C2'] ?? 0, rec['R2'] ?? 0, 16.3, 'auto', strong)

    const cand = db.prepare(
      'INSERT INTO candidates (subject_kind, subject_id, registry_record_id, match_weight, contributions_json) VALUES (?, ?, ?, ?, ?)'
    )
    cand.run('person', person['P4'], rec['R4'], 2.9, namesake)
    cand.run(
      'person',
      person['P4'],
      rec['R5'],
      1.1,
      waterfall([
        ['prior', 'prior', -12],
        ['full_name', 'exact', 9],
        ['dob', 'exact', 7],
        ['gender', 'disagree', -4.2],
        ['ward', 'disagree', -1.3]
      ])
    )
    cand.run(
      'person',
      person['P5'],
      rec['R6'],
      4.2,
      waterfall([
        ['prior', 'prior', -12],
        ['full_name', 'exact', 9],
        ['dob', 'exact', 7],
        ['ward', 'agree', 3.1],
        ['national_id', 'missing', 0]
      ])
    )
    cand.run(
      'person',
      person['P5'],
      rec['R7'],
      1.8,
      waterfall([
        ['prior', 'prior', -12],
        ['full_name', 'jaro_winkler_high', 6.6],
        ['dob', 'exact', 7],
        ['ward', 'agree', 3.1],
        ['national_id', 'missing', 0]
      ])
    )

    db.prepare('INSERT INTO dose_issues (person_id, record_id, kind, detail) VALUES (?, ?, ?, ?)').run(
      person['P1'],
      rec['S7'],
      'duplicate',
      JSON.stringify({ duplicate_of: rec['S1'], days_apart: 0 })
    )
  })
  return { ws, path, clerk, clerk2, supervisor, rec, person, link }
}

let template: Promise<ReviewFixture> | null = null

/** A fresh copy of the fixture workspace for each test (users' password hashing is slow, so it is built once per file). */
export async function buildReviewWorkspace(): Promise<ReviewFixture> {
  template ??= buildTemplate().then((t) => {
    t.ws.close()
    return t
  })
  const t = await template
  const path = join(tempDir('vaxrecon-review-'), 'review.vaxrecon')
  copyFileSync(t.path, path)
  return { ...t, ws: openWorkspace(path), path }
}

/** The fixture with its diffs built and the file closed, for an app session to open. */
export async function reviewWorkspaceForSession(): Promise<ReviewFixture> {
  const f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  f.ws.close()
  return f
}
