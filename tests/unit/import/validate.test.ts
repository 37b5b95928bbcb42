import { expect, test } from 'vitest'
import { RECORD_FIELDS } from '../../../main/core/records/fields.ts'
import { isValidRecord, RECORD_SCHEMAS, type NormalizedRecord } from '../../../main/core/import/validate.ts'

const empty = Object.fromEntries(RECORD_FIELDS.map((f) => [f, null])) as NormalizedRecord

test('the row gate and the zod schemas agree, field by field and kind by kind', () => {
  const cases: [Partial<Record<keyof NormalizedRecord, unknown>>, boolean][] = [
    [{ full_name: 'An' }, true],
    [{ full_name: '' }, false],
    [{ dob: '1990' }, true],
    [{ dob: '1990-01' }, false],
    [{ dose_date: '2021-07-01' }, true],
    [{ dose_date: '2021' }, false],
    [{ gender: 'M' }, true],
    [{ gender: 'X' }, false],
    [{ id_kind: 'PASSPORT' }, true],
    [{ phone: '0912345678' }, true],
    [{ phone: '912345678' }, false],
    [{ province_code: '01' }, true],
    [{ ward_code: '0982' }, false],
    [{ dose_number: 10 }, true],
    [{ dose_number: 11 }, false],
    [{ dose_number: 1.5 }, false],
    [{ dose_number: '2' }, false],
    [{ submitted_at: '2026-01-02 08:30' }, true],
    [{ description: 'khiếu nại' }, true]
  ]
  for (const kind of ['site', 'registry', 'complaint'] as const) {
    for (const [fields, shapeOk] of cases) {
      const record = { ...empty, ...fields } as NormalizedRecord
      const expected = RECORD_SCHEMAS[kind].safeParse(record).success
      expect(isValidRecord(kind, record), `${kind} ${JSON.stringify(fields)}`).toBe(expected)
      if (kind === 'complaint') expect(expected).toBe(shapeOk)
    }
  }
  // A kind that does not carry a field takes only null there.
  expect(isValidRecord('registry', { ...empty, full_name: 'An', vaccine: 'Pfizer' })).toBe(false)
  expect(isValidRecord('site', { ...empty, full_name: 'An', vaccine: 'Pfizer', dose_number: 2 })).toBe(true)
})
