import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { VaxError } from '../../../main/core/base/errors.ts'
import { importFile } from '../../../main/core/import/import-file.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { inlineCell, writeZip, xlsxParts } from '../../helpers/zip-writer.ts'
import { freshWorkspace, importFixture, snapshot } from './helpers.ts'

/**
 * Files built to stall or exhaust the reader (small on disk, built here): each is refused
 * with its own bilingual error, and the workspace is byte for byte as it was. Before the
 * limits these took 80-300 s or gigabytes; the test timeout (far above the few seconds a
 * refusal takes, far below a stall) catches a limit that stops working.
 */
const dir = tempDir('vaxrecon-hostile-')
const HOSTILE_TIMEOUT_MS = 20_000

function* repeat(chunk: Buffer, times: number, head = '', tail = ''): Iterable<Buffer> {
  yield Buffer.from(head)
  for (let i = 0; i < times; i++) yield chunk
  yield Buffer.from(tail)
}

const SST = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'

interface Hostile {
  name: string
  file: string
  build: (path: string) => Promise<void>
  code: string
  vi: string
  en: string
}

const CASES: Hostile[] = [
  {
    name: 'a cell reference beyond XFD (ZZZZZZ2)',
    file: 'zzzzzz.xlsx',
    build: (p) => writeZip(p, xlsxParts([inlineCell('A2', 'Nguyễn Văn An') + inlineCell('ZZZZZZ2', 'x')])),
    code: 'FILE_TOO_WIDE',
    vi: 'XFD',
    en: "Excel's last column"
  },
  {
    name: 'one inline cell of 40,000 characters',
    file: 'long-cell.xlsx',
    build: (p) => writeZip(p, xlsxParts([inlineCell('A2', 'a'.repeat(40_000))])),
    code: 'FILE_CELL_TOO_LONG',
    vi: '32.767 ký tự',
    en: '32,767 characters'
  },
  {
    name: 'one 400 MB shared string in a small zip',
    file: 'sst-400mb.xlsx',
    build: (p) =>
      writeZip(
        p,
        xlsxParts(['<c r="A2" t="s"><v>0</v></c>'], () => repeat(Buffer.alloc(1024 * 1024, 'a'), 400, `${SST}<si><t>`, '</t></si></sst>'))
      ),
    code: 'FILE_CELL_TOO_LONG',
    vi: 'giới hạn của Excel',
    en: "Excel's limit"
  },
  {
    name: '3 million unique shared strings',
    file: 'sst-3m.xlsx',
    build: (p) =>
      writeZip(
        p,
        xlsxParts(['<c r="A2" t="s"><v>0</v></c>'], function* () {
          yield Buffer.from(SST)
          for (let k = 0; k < 3000; k++) {
            let s = ''
            for (let i = k * 1000; i < (k + 1) * 1000; i++) s += `<si><t>${i}</t></si>`
            yield Buffer.from(s)
          }
          yield Buffer.from('</sst>')
        })
      ),
    code: 'FILE_STRINGS_TOO_LARGE',
    vi: 'lớn bất thường',
    en: 'abnormally large'
  },
  {
    name: 'a CSV header of 100,000 columns',
    file: 'wide.csv',
    build: (p) => {
      writeFileSync(p, ['Họ và tên', ...Array.from({ length: 99_999 }, (_, i) => `Cột ${i}`)].join(',') + '\nNguyễn Văn An\n')
      return Promise.resolve()
    },
    code: 'FILE_TOO_WIDE',
    vi: 'dòng 1',
    en: 'row 1'
  },
  {
    name: 'a text file renamed .xlsx',
    file: 'list.xlsx',
    build: (p) => {
      writeFileSync(p, 'Họ và tên,Ngày sinh\nNguyễn Văn An,01/02/1960\n')
      return Promise.resolve()
    },
    code: 'FILE_NOT_EXCEL',
    vi: 'không phải là tệp Excel',
    en: 'not an Excel file'
  }
]

for (const c of CASES) {
  test(
    `${c.name}: ${c.code}, in both languages, workspace unchanged`,
    async () => {
      const path = join(dir, c.file)
      await c.build(path)
      expect(statSync(path).size).toBeLessThan(16 * 1024 * 1024)
      const ws = freshWorkspace()
      await importFixture(ws, 'site-split-names.xlsx', 'site')
      const wsPath = ws.path
      ws.close()
      const before = snapshot(wsPath)

      const again = openWorkspace(wsPath)
      const err = await importFile(again, { kind: 'site', path }, inlineContext(), null).then(
        () => null,
        (e: unknown) => e
      )
      again.close()
      expect(err).toBeInstanceOf(VaxError)
      const e = err as VaxError
      expect(e.code).toBe(c.code)
      expect(e.vi).toContain(c.vi)
      expect(e.en).toContain(c.en)
      expect(snapshot(wsPath)).toEqual(before)
    },
    HOSTILE_TIMEOUT_MS
  )
}
