import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import { pubFileName } from '../../../main/core/export/batch-files.ts'
import { CHANGES_SHEET } from '../../../main/core/export/batch-workbook.ts'
import { parsePublicKey, verifyMinisig } from '../../../main/core/base/minisign.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'

interface BatchRow {
  id: number
  batch_no: string
  file_name: string
  file_hash: string
  content: Buffer
  minisig: string
  public_key: string
  correction_count: number
}

// Batches never change once recorded, so each is read once per test process.
const parsed = new Map<string, number[]>()

async function idsInWorkbook(hash: string, content: Buffer): Promise<number[]> {
  const known = parsed.get(hash)
  if (known) return known
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(content as unknown as ArrayBuffer)
  const ids: number[] = []
  wb.getWorksheet(CHANGES_SHEET)?.eachRow((row, n) => {
    if (n > 1) ids.push(Number(row.getCell(2).value))
  })
  parsed.set(hash, ids)
  return ids
}

/**
 * The exactly-once invariant, checked after any crash: every correction ever approved is
 * either still approved (waiting) or in exactly one recorded batch whose signed bytes
 * list it; every batch file on disk is whole, is a recorded batch, and has its signature
 * beside it. With `complete`, every batch's files must also be on disk and pass minisign.
 */
export async function checkExactlyOnce(
  path: string,
  outDir: string,
  approved: readonly number[],
  complete = false
): Promise<{ batches: number; exported: number }> {
  const ws = openWorkspace(path)
  try {
    const batches = ws.db
      .prepare('SELECT id, batch_no, file_name, file_hash, content, minisig, public_key, correction_count FROM export_batches ORDER BY id')
      .all() as BatchRow[]
    const seen = new Map<number, string>()
    for (const b of batches) {
      expect(createHash('sha256').update(b.content).digest('hex')).toBe(b.file_hash)
      expect(verifyMinisig(b.content, b.minisig, parsePublicKey(b.public_key))).toMatchObject({ ok: true })
      const inFile = await idsInWorkbook(b.file_hash, b.content)
      const inDb = (
        ws.db.prepare(`SELECT id FROM proposals WHERE batch_id = ? AND status = 'exported' ORDER BY id`).all(b.id) as { id: number }[]
      ).map((r) => r.id)
      expect([...inFile].sort((x, y) => x - y)).toEqual(inDb)
      expect(inFile).toHaveLength(b.correction_count)
      for (const id of inFile) {
        expect(seen.get(id), `correction ${id} in two batches`).toBeUndefined()
        seen.set(id, b.batch_no)
      }
    }
    const status = new Map(
      (ws.db.prepare('SELECT id, status, batch_id FROM proposals').all() as { id: number; status: string; batch_id: number | null }[]).map(
        (r) => [r.id, r]
      )
    )
    for (const id of approved) {
      const p = status.get(id)
      const ok = (p?.status === 'approved' && p.batch_id === null && !seen.has(id)) || (p?.status === 'exported' && seen.has(id))
      expect(ok, `correction ${id} is ${p?.status} (batch ${p?.batch_id}), in a file: ${seen.has(id)}`).toBe(true)
    }

    const byName = new Map(batches.map((b) => [b.file_name, b]))
    const onDisk = existsSync(outDir) ? readdirSync(outDir) : []
    for (const name of onDisk.filter((n) => n.endsWith('.xlsx'))) {
      const b = byName.get(name)
      expect(b, `${name} on disk is not a recorded batch`).toBeDefined()
      expect(readFileSync(join(outDir, name)).equals(b?.content ?? Buffer.alloc(0)), `${name} is not whole`).toBe(true)
      expect(existsSync(join(outDir, `${name}.minisig`)), `${name} has no signature beside it`).toBe(true)
    }
    if (complete) {
      expect(onDisk.filter((n) => n.endsWith('.vxtmp'))).toEqual([])
      for (const b of batches) {
        const r = spawnSync('minisign', ['-Vq', '-p', join(outDir, pubFileName(b.file_name)), '-m', join(outDir, b.file_name)])
        expect(r.status, `minisign on ${b.file_name}`).toBe(0)
      }
    }
    return { batches: batches.length, exported: seen.size }
  } finally {
    ws.close()
  }
}
