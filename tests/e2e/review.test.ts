import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { beforeAll, expect, test } from 'vitest'
import { complaintEvidence } from '../../main/core/review/complaints.ts'
import { normalizeEdit } from '../../main/core/review/edit.ts'
import { addUser } from '../../main/core/users/users.ts'
import { openWorkspace } from '../../main/core/workspace/index.ts'
import { demoWorkspace } from '../integration/review/demo-workspace.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

const e2e = e2eSession()
let path: string

beforeAll(async () => {
  ;({ path } = demoWorkspace(200, 11))
  const ws = openWorkspace(path)
  await addUser(ws, null, { name: 'Lan', role: 'clerk', password: 'lan-password-1' })
  ws.close()
  mkdirSync(SCREENSHOTS, { recursive: true })
})

/** Read-only looks at the workspace the app is working on (WAL lets both connections in). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

interface Proposal {
  target: string
  record_id: number
  field: string
  old_value: string | null
  new_value: string | null
}
const key = (p: Proposal): string => JSON.stringify([p.target, p.record_id, p.field, p.old_value, p.new_value])

const row = (page: Page, index: number) => page.locator(`[data-testid=review-grid] .ag-row[row-index="${index}"]`)
const count = async (page: Page): Promise<number> =>
  Number(((await page.getByTestId('review-count').textContent()) ?? '').replace(/\D/g, ''))
const facetCount = async (page: Page, dim: string, value: string): Promise<number> =>
  Number(((await page.getByTestId(`facet-count-${dim}-${value}`).textContent()) ?? '').replace(/\D/g, ''))

/** Once grid and facets have both caught up with a filter, the grid shows what the facet counted. */
async function gridMatchesFacet(page: Page, dim: string, value: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const [n, facet] = [await count(page), await facetCount(page, dim, value)]
        return n > 0 && n === facet
      },
      { timeout: 15_000 }
    )
    .toBe(true)
}

test('a clerk filters, accepts a class in bulk, edits one field, unlinks a row, picks a candidate and resolves a complaint', async () => {
  // What the bulk rule must propose: every undecided formatting-only difference of a settled link.
  const formatting = query<Proposal>(
    `SELECT 'site' AS target, d.record_id, d.field, d.site_value AS old_value, d.registry_value AS new_value
     FROM diffs d JOIN links l ON l.id = d.link_id
     WHERE d.class = 'formatting' AND d.status = 'open' AND l.subject_kind = 'person' AND l.status IN ('auto', 'confirmed') AND d.registry_value IS NOT NULL`
  )
  expect(formatting.length).toBeGreaterThan(5)
  const expected = new Map(formatting.map((p) => [key(p), p]))

  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'lan-password-1')
  await page.getByTestId('nav-review').click()
  await row(page, 0).waitFor()
  await page.screenshot({ path: `${SCREENSHOTS}review-grid.png` })

  // 1. Filter: formatting-only differences.
  await page.getByTestId('facet-classes-formatting').click()
  await gridMatchesFacet(page, 'classes', 'formatting')
  expect(await row(page, 0).locator('[data-class=formatting]').count()).toBeGreaterThan(0)

  // 2. Accept the registry value for the whole class, after seeing the count (bulk is under "More").
  await page.getByTestId('act-more').click()
  await page.getByTestId('act-bulk').click()
  const preview = page.getByTestId('bulk-preview')
  await preview.waitFor()
  expect(Number(await preview.getAttribute('data-diffs'))).toBe(formatting.length)
  await page.getByTestId('bulk-dialog-confirm').click()
  // Applied as a job in a worker: the dialog closes when it is done.
  await page.getByTestId('bulk-dialog').waitFor({ state: 'detached', timeout: 30_000 })
  await expect.poll(() => page.getByTestId('review-message').textContent()).toContain(`${formatting.length}`)
  await page.getByTestId('facet-classes-formatting').click()

  // 3. Edit one field by hand: a name typed in capitals is stored the way import stores names.
  await page.getByTestId('facet-classes-conflict').click()
  await page.getByTestId('facet-fields-full_name').click()
  // The grid has caught up with the filter once its first row shows a conflicting name.
  await expect
    .poll(() => row(page, 0).locator('[data-testid=cell-full_name]').getAttribute('data-class'), { timeout: 15_000 })
    .toBe('conflict')
  const editLink = Number(await row(page, 0).getAttribute('row-id'))
  const [target] = query<{ subject_id: number; registry_record_id: number; full_name: string }>(
    'SELECT l.subject_id, l.registry_record_id, r.full_name FROM links l JOIN records r ON r.id = l.registry_record_id WHERE l.id = ?',
    editLink
  )
  if (!target) throw new Error('no link under the first row')
  const typed = target.full_name.toUpperCase()
  const stored = normalizeEdit('full_name', typed).value
  await row(page, 0).locator('[col-id=full_name]').click()
  await page.keyboard.press('e')
  await page.getByTestId('edit-value').fill(typed)
  await page.keyboard.press('Enter')
  await expect.poll(() => page.getByTestId('review-message').textContent()).toContain('đề xuất')
  const personRows = query<{ id: number; full_name: string | null }>(
    "SELECT id, full_name FROM records WHERE person_id = ? AND kind = 'site'",
    target.subject_id
  )
  for (const [k, p] of expected) if (p.field === 'full_name' && personRows.some((r) => r.id === p.record_id)) expected.delete(k)
  for (const r of personRows.filter((r) => r.full_name !== stored)) {
    const p = { target: 'site', record_id: r.id, field: 'full_name', old_value: r.full_name, new_value: stored }
    expected.set(key(p), p)
  }
  if (stored !== target.full_name) {
    const p = {
      target: 'registry',
      record_id: target.registry_record_id,
      field: 'full_name',
      old_value: target.full_name,
      new_value: stored
    }
    expected.set(key(p), p)
  }
  await page.getByTestId('facet-classes-conflict').click()
  await page.getByTestId('facet-fields-full_name').click()

  // 4. Not the same person: the row is unlinked and its proposals are withdrawn.
  await page.getByTestId('facet-bands-auto').click()
  await gridMatchesFacet(page, 'bands', 'auto')
  const unlinkRow = row(page, 1)
  const unlinkLink = Number(await unlinkRow.getAttribute('row-id'))
  await unlinkRow.locator('[col-id=name]').click()
  await page.keyboard.press('n')
  await page.getByTestId('dialog-note').fill('Khác người: ngày sinh trong sổ tiêm khác')
  await page.keyboard.press('Enter')
  await expect.poll(() => query<{ status: string }>('SELECT status FROM links WHERE id = ?', unlinkLink)[0]?.status).toBe('rejected')
  const [unlinked] = query<{ subject_id: number }>('SELECT subject_id FROM links WHERE id = ?', unlinkLink)
  const unlinkedRows = new Set(
    query<{ id: number }>("SELECT id FROM records WHERE person_id = ? AND kind = 'site'", unlinked?.subject_id).map((r) => r.id)
  )
  for (const [k, p] of expected) if (unlinkedRows.has(p.record_id)) expected.delete(k)

  // 5. Pick a candidate for the first subject waiting for a person.
  await page.getByTestId('review-tab-candidates').click()
  const first = page.getByTestId('candidate-queue').locator('tbody tr').first()
  const subject = ((await first.getAttribute('data-testid')) ?? '').split('-')
  await first.click()
  const candidate = page.getByTestId('candidate-1')
  await candidate.waitFor()
  const chosen = Number(await candidate.getAttribute('data-record-id'))
  await page.getByTestId('pick-1').click()
  await expect
    .poll(
      () =>
        query<{ n: number }>(
          "SELECT count(*) AS n FROM links WHERE subject_kind = ? AND subject_id = ? AND status = 'confirmed' AND registry_record_id = ? AND decided_by = 'Lan'",
          subject[1],
          Number(subject[2]),
          chosen
        )[0]?.n
    )
    .toBe(1)

  // 6. Resolve a complaint: approve it with the correction the evidence suggests.
  const ws = openWorkspace(path)
  const complaints = query<{ id: number; complaint_id: string }>(
    "SELECT id, complaint_id FROM records WHERE kind = 'complaint' ORDER BY id"
  )
  const withSuggestion = complaints.map((c) => ({ c, e: complaintEvidence(ws, c.id) })).find((x) => x.e.suggestions.length > 0)
  ws.close()
  if (!withSuggestion) throw new Error('the demo has no complaint with a suggested correction')
  await page.getByTestId('nav-complaints').click()
  await page.getByTestId('complaints-queue').waitFor()
  await page.getByTestId(`complaint-${withSuggestion.c.complaint_id}`).click()
  await page.getByTestId('complaint-evidence').waitFor()
  await page.getByTestId('outcome-approved').check()
  const suggestion = withSuggestion.e.suggestions[0]
  const siteInput = page.getByTestId('correction-0-site')
  if ((await siteInput.count()) > 0 && (await siteInput.inputValue()) === '') await siteInput.fill('Trạm Y tế Phường 11')
  await page.screenshot({ path: `${SCREENSHOTS}complaint-evidence.png`, fullPage: true })
  await page.getByTestId('outcome-save').click()
  await page.getByTestId('complaints-message').waitFor()
  const made = query<Proposal & { reason: string }>(
    "SELECT target, record_id, field, old_value, new_value, reason FROM proposals WHERE reason LIKE 'Khiếu nại%' AND status = 'proposed'"
  )
  expect(made).toHaveLength(withSuggestion.e.suggestions.length)
  expect(made[0]?.reason).toContain(withSuggestion.c.complaint_id)
  if (suggestion?.action === 'add_dose')
    expect(made[0]).toMatchObject({ target: 'dose', field: 'dose', old_value: null, record_id: withSuggestion.c.id })
  for (const m of made)
    expected.set(key(m), { target: m.target, record_id: m.record_id, field: m.field, old_value: m.old_value, new_value: m.new_value })
  expect(query<{ outcome: string }>('SELECT outcome FROM complaint_outcomes WHERE record_id = ?', withSuggestion.c.id)).toEqual([
    { outcome: 'approved' }
  ])

  // Exactly those proposals exist, with their old and new values, all by the clerk.
  const live = query<Proposal & { by: string }>(
    "SELECT p.target, p.record_id, p.field, p.old_value, p.new_value, u.name AS by FROM proposals p JOIN users u ON u.id = p.proposed_by WHERE p.status = 'proposed'"
  )
  expect(new Set(live.map((p) => p.by))).toEqual(new Set(['Lan']))
  expect(live.map(key).sort()).toEqual([...expected.keys()].sort())
  await page.context().close()
})
