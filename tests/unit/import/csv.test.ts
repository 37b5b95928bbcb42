import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { detectEncoding, openCsv, sniffDelimiter } from '../../../main/core/import/readers/csv.ts'
import type { SheetRow } from '../../../main/core/import/readers/types.ts'
import { tempDir } from '../../helpers/tmp.ts'

async function readAll(text: string | Buffer): Promise<SheetRow[]> {
  const path = join(tempDir(), 'x.csv')
  writeFileSync(path, text)
  const src = await openCsv(path)
  const out: SheetRow[] = []
  for await (const b of src.rows('x')) out.push(...b)
  return out
}

test('encodings: BOMs, UTF-16 without BOM, UTF-8, and Windows-1258 for the rest', () => {
  expect(detectEncoding(Buffer.from('\ufeffHọ', 'utf8'))).toEqual({ encoding: 'utf-8', bom: 3 })
  expect(detectEncoding(Buffer.from('\ufeffHọ', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: 2 })
  expect(detectEncoding(Buffer.from('Họ và tên,Ngày sinh', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: 0 })
  expect(detectEncoding(Buffer.from('Họ và tên', 'utf8'))).toEqual({ encoding: 'utf-8', bom: 0 })
  expect(detectEncoding(Buffer.from([0x48, 0xd2, 0x20, 0x74, 0xea, 0x6e]))).toEqual({ encoding: 'windows-1258', bom: 0 })
})

test('delimiters: comma (FEBRL\'s ", "), semicolon, tab', () => {
  expect(sniffDelimiter('a, b, c\n1, 2, 3')).toBe(',')
  expect(sniffDelimiter('a;b;c\n1;2,5;3')).toBe(';')
  expect(sniffDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t')
})

test('quoted fields with delimiters, quotes and line breaks; line numbers from the header on line 1', async () => {
  const rows = await readAll('rec_id, given_name, surname\nrec-1, , waller\n"rec-2","an ""Ann"" ,x","line\r\nbreak"\n\nrec-4,b,c\n')
  expect(rows).toEqual([
    { row: 1, cells: ['rec_id', 'given_name', 'surname'] },
    { row: 2, cells: ['rec-1', null, 'waller'] },
    { row: 3, cells: ['rec-2', 'an "Ann" ,x', 'line\r\nbreak'] },
    { row: 6, cells: ['rec-4', 'b', 'c'] }
  ])
})

test('a large CSV is read in chunks with the same result', async () => {
  const lines = ['a,b']
  for (let i = 0; i < 30_000; i++) lines.push(`"Nguyễn ""${i}""",${i}`)
  const rows = await readAll(lines.join('\r\n'))
  expect(rows).toHaveLength(30_001)
  expect(rows[30_000]).toEqual({ row: 30_001, cells: ['Nguyễn "29999"', '29999'] })
})
