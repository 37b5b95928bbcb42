import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { complaintDeadline } from '../../../main/core/review/complaint-deadline.ts'
import { createWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname

/**
 * From 00:00 to 07:00 Vietnam time the UTC date is still yesterday: a complaint sent
 * "today" must not be refused as a date in the future, whatever the PC's clock zone.
 */
for (const tz of ['UTC', 'America/New_York']) {
  test(`a complaint dated today, imported at 01:00 Vietnam time with TZ=${tz}, keeps its submission time and deadline`, () => {
    const dir = tempDir('vaxrecon-today-')
    const ws = join(dir, 'w.vaxrecon')
    createWorkspace(ws).close()
    const file = join(dir, 'phan-anh.csv')
    writeFileSync(
      file,
      'Mã phản ánh,Ngày gửi,Họ và tên,Ngày sinh,Số CCCD,Ngày tiêm,Loại phản ánh,Nội dung\n' +
        'PA-2021-0001,15/10/2021 00:40,Nguyễn Văn An,21/02/1960,079060001234,15/10/2021,Chưa có mũi tiêm,Tôi đã tiêm sáng nay\n' +
        // Tomorrow in Vietnam (still today in New York): in the future, so not taken as given.
        'PA-2021-0002,16/10/2021 00:10,Trần Thị Bình,21/03/1970,079170001234,,Sai thông tin,Ngày gửi sai\n'
    )
    // 2021-10-14T18:00Z is 01:00 on 15 October in Vietnam.
    const env = { ...process.env, TZ: tz, VAXRECON_NOW: '2021-10-14T18:00:00Z' }
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env })
    const imported = run(['import', ws, '--kind', 'complaint', file, '--json'])
    expect(imported.status, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ rowsRead: 2, warningsByKind: { DATE_OUT_OF_RANGE: 1 } })
    const rows = JSON.parse(run(['rows', ws, '--kind', 'complaint', '--format', 'json']).stdout) as Record<string, unknown>[]
    expect(rows[0]).toMatchObject({ complaint_id: 'PA-2021-0001', submitted_at: '2021-10-15 00:40', dose_date: '2021-10-15', warnings: [] })
    expect(rows[1]).toMatchObject({ complaint_id: 'PA-2021-0002', submitted_at: null, warnings: ['submitted_at:DATE_OUT_OF_RANGE'] })
    expect(complaintDeadline(String(rows[0]?.['submitted_at']))?.toISOString()).toBe('2021-10-16T17:40:00.000Z')
  })
}
