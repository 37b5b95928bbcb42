import { expect, test } from 'vitest'
import type { Workspace } from '../../../main/core/workspace/index.ts'
import { freshWorkspace, importFixture } from './helpers.ts'

// An import turns foreign keys off and enlarges the page cache for its own transaction
// (import-file.ts): the connection it was given must come back as it was, whatever happened.
const settings = (ws: Workspace) => ({
  foreignKeys: ws.db.pragma('foreign_keys', { simple: true }),
  cacheSize: ws.db.pragma('cache_size', { simple: true })
})

test('after an import, and after one that failed, the connection has its foreign keys and page cache back', async () => {
  const ws = freshWorkspace()
  const before = settings(ws)
  expect(before.foreignKeys).toBe(1)
  await importFixture(ws, 'site-basic.xlsx', 'site')
  expect(settings(ws)).toEqual(before)
  // The name column mapped to nothing: refused before the transaction.
  await expect(importFixture(ws, 'site-dates.xlsx', 'site', { mapping: { full_name: [] } })).rejects.toMatchObject({
    code: 'MAPPING_NO_NAME'
  })
  expect(settings(ws)).toEqual(before)
  // Every row rejected: refused inside the transaction, which is rolled back.
  await expect(importFixture(ws, 'site-dates.xlsx', 'site', { mapping: { full_name: ['Ngày tiêm'] } })).rejects.toMatchObject({
    code: expect.stringMatching(/^IMPORT_/) as unknown
  })
  expect(settings(ws)).toEqual(before)
  ws.close()
})

test("inside a caller's transaction the import keeps foreign keys on and lands with the caller's commit", async () => {
  const ws = freshWorkspace()
  ws.db.exec('BEGIN IMMEDIATE')
  const s = await importFixture(ws, 'site-basic.xlsx', 'site')
  expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1)
  ws.db.exec('COMMIT')
  expect(ws.db.prepare('SELECT count(*) AS n FROM records WHERE import_id = ?').get(s.importId)).toEqual({ n: s.imported })
  expect(ws.db.pragma('foreign_key_check')).toEqual([])
  ws.close()
})
