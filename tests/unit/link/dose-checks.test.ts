import { describe, expect, it } from 'vitest'
import { checkDoses, type Dose } from '../../../main/core/link/dose-checks.ts'

const opts = { duplicateWindowDays: 7, today: '2022-06-30' }
const dose = (recordId: number, vaccine: string | null, doseNumber: number | null, doseDate: string | null): Dose => ({
  recordId,
  vaccine,
  doseNumber,
  doseDate
})
const kinds = (doses: Dose[], dob: string | null = '1980-01-01', o = opts) =>
  checkDoses(doses, dob, o).map((i) => `${i.recordId}:${i.kind}`)

describe('dose checks', () => {
  it('accepts a normal schedule', () => {
    expect(
      kinds([dose(1, 'ASTRAZENECA', 1, '2021-06-01'), dose(2, 'ASTRAZENECA', 2, '2021-08-20'), dose(3, 'PFIZER', 3, '2022-01-10')])
    ).toEqual([])
  })

  it('finds a dose entered twice, the same day or within the window, in the same family', () => {
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01'), dose(2, 'PFIZER', 1, '2021-06-01')])).toEqual(['2:duplicate'])
    expect(kinds([dose(1, 'VEROCELL', 1, '2021-06-01'), dose(2, 'HAYATVAX', 1, '2021-06-05')])).toEqual(['2:duplicate'])
    expect(
      kinds([dose(1, 'PFIZER', 1, '2021-06-01'), dose(2, 'PFIZER', 1, '2021-06-05')], '1980', { ...opts, duplicateWindowDays: 0 })
    ).toEqual(['2:impossible_order'])
    // Different vaccines the same day are not one dose twice.
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01'), dose(2, 'MODERNA', 1, '2021-06-01')])).toContain('2:impossible_order')
  })

  it('finds doses in an impossible order', () => {
    expect(kinds([dose(1, 'PFIZER', 2, '2021-06-01'), dose(2, 'PFIZER', 1, '2021-07-01')])).toEqual(['2:impossible_order'])
  })

  it('applies the minimum intervals of QĐ 3588/QĐ-BYT to the second dose', () => {
    expect(kinds([dose(1, 'ASTRAZENECA', 1, '2021-06-01'), dose(2, 'ASTRAZENECA', 2, '2021-07-20')])).toEqual(['2:short_interval'])
    expect(kinds([dose(1, 'ASTRAZENECA', 1, '2021-06-01'), dose(2, 'ASTRAZENECA', 2, '2021-07-27')])).toEqual([])
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01'), dose(2, 'PFIZER', 2, '2021-06-20')])).toEqual(['2:short_interval'])
    expect(kinds([dose(1, 'MODERNA', 1, '2021-06-01'), dose(2, 'MODERNA', 2, '2021-06-25')])).toEqual(['2:short_interval'])
    expect(kinds([dose(1, 'VEROCELL', 1, '2021-06-01'), dose(2, 'VEROCELL', 2, '2021-06-22')])).toEqual([])
    expect(kinds([dose(1, 'SPUTNIKV', 1, '2021-06-01'), dose(2, 'SPUTNIKV', null, '2021-06-15')])).toEqual(['2:short_interval'])
    const detail = checkDoses([dose(1, 'PFIZER', 1, '2021-06-01'), dose(2, 'PFIZER', 2, '2021-06-20')], null, opts)[0]?.detail
    expect(detail).toMatchObject({ days_apart: 19, min_days: 21 })
  })

  it('finds doses before birth, in the future and before the campaign began', () => {
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01')], '2021-07-01')).toEqual(['1:before_birth'])
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01')], '2022')).toEqual(['1:before_birth'])
    expect(kinds([dose(1, 'PFIZER', 1, '2021-06-01')], '2021')).toEqual([])
    expect(kinds([dose(1, 'PFIZER', 1, '2023-01-01')])).toEqual(['1:future'])
    expect(kinds([dose(1, 'PFIZER', 1, '2021-03-07')])).toEqual(['1:before_campaign'])
    expect(kinds([dose(1, 'PFIZER', 1, '2021-03-08')])).toEqual([])
  })
})
