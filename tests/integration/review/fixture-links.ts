import type { Db } from '../../../main/core/workspace/index.ts'

/**
 * What linkage would have written for the review fixture (fixture.ts): a match run, the
 * links (auto, review, none; two complaints), the candidates behind the review and none
 * links with their waterfalls, and a duplicate-dose issue. Ids come by label.
 */
export function writeLinkage(
  db: Db,
  now: string,
  rec: Record<string, number>,
  person: Record<string, number>,
  link: Record<string, number>
): void {
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
}
