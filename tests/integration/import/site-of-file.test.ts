import { spawnSync } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { importFile } from '../../../main/core/import/import-file.ts'
import { inspectFile } from '../../../main/core/import/inspect.ts'
import { siteFromTitle, tidySiteName } from '../../../main/core/import/site.ts'
import { saveTemplate } from '../../../main/core/import/templates.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { createWorkspace } from '../../../main/core/workspace/index.ts'
import { readCsv } from '../demo-helpers.ts'
import { hasLibreOffice, roundTripXlsx } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })

test('the site is read from the administrative block or a labelled line, not from the superior unit', () => {
  const row = (r: number, ...cells: string[]) => ({ row: r, cells })
  expect(
    siteFromTitle([
      row(1, 'TRUNG TÂM Y TẾ QUẬN 1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
      row(2, 'TRẠM Y TẾ PHƯỜNG BẾN NGHÉ', 'Độc lập - Tự do - Hạnh phúc')
    ])
  ).toBe('Trạm Y tế Phường Bến Nghé')
  expect(siteFromTitle([row(1, 'SỞ Y TẾ TỈNH AN GIANG'), row(3, 'DANH SÁCH TIÊM CHỦNG'), row(4, 'Điểm tiêm: Trường THCS Lê Lợi')])).toBe(
    'Trường THCS Lê Lợi'
  )
  expect(siteFromTitle([row(1, 'DANH SÁCH NGƯỜI ĐƯỢC TIÊM')])).toBeNull()
  expect(tidySiteName('TRẠM Y TẾ THỊ TRẤN CHỢ MỚI')).toBe('Trạm Y tế Thị trấn Chợ Mới')
  expect(tidySiteName('Trạm y tế xã Tân Phú')).toBe('Trạm y tế xã Tân Phú')
})

test('`vaxrecon demo` site lists, after a LibreOffice round trip, import with every row carrying its site; --site and templates answer for files that name none', async () => {
  const out = join(tempDir('vaxrecon-demo-site-'), 'demo')
  const r = run(['demo', out, '--persons', '150', '--seed', '5'])
  expect(r.status, r.stderr).toBe(0)
  const files = readCsv(join(out, 'truth', 'site_files.csv'))
  // A layout with no site column: its site is only in the title rows.
  const noColumn = files.find((f) => !(f['mapping'] ?? '').includes('site_name='))
  expect(noColumn).toBeDefined()
  const file = noColumn?.['source_file'] ?? ''
  const ws = join(tempDir('vaxrecon-site-ws-'), 'w.vaxrecon')
  expect(run(['init', ws, '--plain']).status).toBe(0)

  if (hasLibreOffice) {
    const lo = roundTripXlsx(join(out, file))
    const imported = run(['import', ws, '--kind', 'site', lo, '--json'])
    expect(imported.status, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ rejected: 0, site: { name: noColumn?.['site_name'], source: 'title' } })
    const rows = JSON.parse(run(['rows', ws, '--kind', 'site', '--format', 'json']).stdout) as { site_name: string | null }[]
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((x) => x.site_name))).toEqual(new Set([noColumn?.['site_name']]))
  }

  // --site names it outright, for every row without a site of its own.
  const copy = join(tempDir('vaxrecon-site-copy-'), 'danh sach thang 10.xlsx')
  copyFileSync(join(out, file), copy)
  const given = run(['import', ws, '--kind', 'site', copy, '--site', 'Điểm tiêm lưu động số 3', '--json'])
  expect(given.status, given.stderr).toBe(0)
  expect(JSON.parse(given.stdout)).toMatchObject({ site: { name: 'Điểm tiêm lưu động số 3', source: 'given' } })

  // A file whose title names no site: the saved template remembers it, else the file name.
  const w = createWorkspace(join(tempDir('vaxrecon-site-tpl-'), 'w.vaxrecon'))
  const bare = join(tempDir('vaxrecon-site-bare-'), 'TYT_Ben_Nghe.csv')
  writeFileSync(bare, 'Họ và tên,Ngày sinh,Vắc xin,Ngày tiêm\nNguyễn Văn An,21/02/1960,AstraZeneca,15/08/2021\n')
  const first = await inspectFile(w, { path: bare, kind: 'site' })
  expect(first.site).toEqual({ name: 'TYT Ben Nghe', source: 'file_name' })
  saveTemplate(
    w,
    {
      name: 'TYT Bến Nghé',
      kind: 'site',
      headerSignature: first.headerSignature,
      mapping: first.mapping,
      siteName: 'Trạm Y tế Phường Bến Nghé'
    },
    null
  )
  const second = join(tempDir('vaxrecon-site-bare-'), 'thang11.csv')
  writeFileSync(second, 'Họ và tên,Ngày sinh,Vắc xin,Ngày tiêm\nTrần Thị Bình,21/03/1970,Pfizer,16/11/2021\n')
  expect((await inspectFile(w, { path: second, kind: 'site' })).site).toEqual({ name: 'Trạm Y tế Phường Bến Nghé', source: 'template' })
  const s = await importFile(w, { kind: 'site', path: second }, inlineContext(), null)
  expect(s.site).toEqual({ name: 'Trạm Y tế Phường Bến Nghé', source: 'template' })
  expect(w.db.prepare("SELECT site_name FROM records WHERE kind = 'site'").pluck().all()).toEqual(['Trạm Y tế Phường Bến Nghé'])
  w.close()
})
