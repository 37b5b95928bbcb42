import { spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { beforeAll, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname

function vaxrecon(args: string[], password = 'mat-khau-lan') {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, VAXRECON_PASSWORD: password } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let f: ReviewFixture
beforeAll(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  f.ws.close()
})

const proposals = () => {
  const db = new Database(f.path, { readonly: true })
  try {
    return db
      .prepare(
        'SELECT p.target, p.field, p.old_value, p.new_value, u.name AS by FROM proposals p JOIN users u ON u.id = p.proposed_by ORDER BY p.id'
      )
      .all()
  } finally {
    db.close()
  }
}

test('propose --accept-registry --class formatting: a dry run counts, the real run proposes exactly that', () => {
  const dry = vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--class', 'formatting', '--dry-run'])
  expect(dry.code).toBe(0)
  expect(dry.stdout).toMatch(/diffs\s+1\n/)
  expect(dry.stdout).toMatch(/skipped\s+complaint=1\n/)
  expect(proposals()).toEqual([])

  const run = vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--class', 'formatting'])
  expect(run.stderr).toBe('')
  expect(run.stdout).toMatch(/proposals\s+1\n/)
  expect(proposals()).toEqual([{ target: 'site', field: 'full_name', old_value: 'Nguyen Van Anh', new_value: 'Nguyễn Văn Anh', by: 'Lan' }])
  // Nothing is left to decide: a second run changes nothing.
  expect(vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--class', 'formatting']).stdout).toMatch(/decision_id\s+-\n/)
})

test('other rules: keep the site value of one field at one site, as JSON', () => {
  const r = vaxrecon([
    'propose',
    f.path,
    '--as',
    'Lan',
    '--keep-site',
    '--class',
    'minor',
    '--field',
    'dob',
    '--site',
    'Trạm Y tế xã Tân Lập',
    '--json'
  ])
  expect(r.code).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject({ action: 'keep_site', diffs: 1, proposals: 1, byField: { dob: 1 } })
  expect(proposals().slice(-1)).toEqual([{ target: 'registry', field: 'dob', old_value: '1990-07-04', new_value: '1990-04-07', by: 'Lan' }])
})

test('bad usage and a wrong password are refused without touching the workspace', () => {
  const before = proposals().length
  expect(vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry']).code).toBe(2)
  expect(vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--class', 'typo']).code).toBe(2)
  expect(vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--keep-site', '--class', 'minor']).code).toBe(2)
  const wrong = vaxrecon(['propose', f.path, '--as', 'Lan', '--accept-registry', '--class', 'minor'], 'sai-mat-khau')
  expect(wrong.code).toBe(1)
  expect(wrong.stderr).toContain('Wrong user name or password')
  expect(proposals()).toHaveLength(before)
})
