import type { BatchHeader, ProvenRow } from '../../../main/core/export/batch-workbook.ts'

/** A fixed batch whose values exercise what a cell can hold: accents, XML specials, formulas, blanks, whitespace, control characters. */
export const SAMPLE_HEADER: BatchHeader = {
  batchNo: '271-20250305-0001',
  createdAt: '2025-03-05T02:30:00.000Z',
  district: { code: '271', name: 'Huyện Ba Vì', province: 'Thành phố Hà Nội' },
  signer: { name: 'Hoa', keyId: '0123456789ABCDEF', fingerprint: 'ABCD '.repeat(15) + 'ABCD', publicKey: 'RWQBI0VniavN7w==' },
  auditAnchor: { seq: 42, hash: 'f'.repeat(64) },
  rootKeyId: 'FEDCBA9876543210',
  appVersion: '0.1.0'
}

const VALUES: (string | null)[] = [
  'Nguyễn Thị Lan',
  '=HYPERLINK("http://example.invalid/x","Bấm vào đây")',
  '+84 912 345 678',
  '-1+1',
  '@SUM(A1:A2)',
  '\tmột tab',
  ' khoảng trắng đầu và cuối ',
  'hai\ndòng',
  'ký tự <&> "nháy" \'đơn\'',
  'điều khiển\u0001\u0008\u000b\u001f\u007f hết',
  'nửa cặp \uD800 thay thế',
  'emoji 😷',
  '',
  null,
  '12345',
  '_x0041_'
]

export function sampleRows(n = VALUES.length * 2): ProvenRow[] {
  return Array.from({ length: n }, (_, i) => {
    const v = VALUES[i % VALUES.length] ?? null
    const dob = i % 5 === 0
    return {
      id: 1000 + i,
      record_id: 500 + i,
      target: i % 3 === 0 ? 'registry' : i % 3 === 1 ? 'site' : 'dose',
      field: dob ? 'dob' : i % 2 ? 'phone' : 'full_name',
      old_value: dob ? '1980-03-02' : v,
      new_value: dob ? (i % 2 ? '1980-02' : '1980') : (VALUES[(i + 3) % VALUES.length] ?? null),
      reason: i % 4 ? `Lý do ${i}` : null,
      note: i % 6 ? null : 'ghi chú',
      status: 'approved',
      proposed_at: `2025-03-0${1 + (i % 4)}T${String(i % 24).padStart(2, '0')}:15:00.000Z`,
      proposed_by: 2,
      proposed_by_name: 'Lan (văn thư)',
      kind: (['formatting', 'minor', 'conflict', 'missing', 'manual'] as const)[i % 5] ?? 'manual',
      national_id: i % 7 ? `00128000${String(i).padStart(4, '0')}` : null,
      full_name: i % 8 ? `Trần Văn ${v ?? ''}` : null,
      site_name: `Trạm Y tế ${i % 3}`,
      source_file: i % 9 ? `Trạm ${i % 3}.xlsx` : null,
      source_sheet: i % 2 ? 'Sheet1' : null,
      source_row: i % 3 ? i + 2 : null,
      approval_id: 7,
      verdict: 'approved',
      decided_at: '2025-03-04T23:59:00.000Z',
      comment: i % 2 ? null : v,
      decided_by: 3,
      approval_act_id: 3,
      decided_by_name: 'Minh',
      batch_no: null,
      approval_act: 3,
      approver_key_id: '89ABCDEF01234567',
      digest: Buffer.alloc(32, i)
    }
  })
}
