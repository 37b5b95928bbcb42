import { describe, expect, it } from 'vitest'
import { claimKind, complaintEvidence } from '../../../main/core/link/complaint-evidence.ts'
import { prep } from './prep.ts'

const rows = [
  prep({
    id: 11,
    full_name: 'Lê Văn Bình',
    dob: '1970-06-15',
    national_id: '001070009999',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-07-01'
  }),
  prep({ id: 12, full_name: 'Lê Văn Bình', dob: '1970-06-15', vaccine: 'PFIZER', dose_number: 2, dose_date: '2021-10-01' })
]

describe('complaint evidence', () => {
  it('finds the site row that records a missing dose as claimed', () => {
    const claim = prep({ kind: 'complaint', complaint_type: 'Thiếu mũi tiêm', vaccine: 'PFIZER', dose_number: 2, dose_date: '2021-10-01' })
    expect(complaintEvidence(claim, rows)).toEqual([
      { siteRecordId: 11, relation: 'related', reasons: [] },
      { siteRecordId: 12, relation: 'supports', reasons: ['same_date', 'same_vaccine', 'same_dose_number'] }
    ])
  })

  it('finds the site row that contradicts a claimed vaccine or date', () => {
    const vaccine = prep({
      kind: 'complaint',
      complaint_type: 'Sai loại vắc xin',
      vaccine: 'MODERNA',
      dose_number: 2,
      dose_date: '2021-10-01'
    })
    expect(complaintEvidence(vaccine, rows)[1]).toEqual({
      siteRecordId: 12,
      relation: 'contradicts',
      reasons: ['same_date', 'vaccine_differs', 'same_dose_number']
    })
    const date = prep({
      kind: 'complaint',
      complaint_type: 'Sai ngày tiêm',
      vaccine: 'ASTRAZENECA',
      dose_number: 1,
      dose_date: '2021-07-20'
    })
    expect(complaintEvidence(date, rows)[0]).toMatchObject({
      siteRecordId: 11,
      relation: 'contradicts',
      reasons: ['date_differs', 'same_vaccine', 'same_dose_number']
    })
  })

  it('checks a personal-information complaint against the identity on the site rows', () => {
    const claim = prep({ kind: 'complaint', complaint_type: 'Sai thông tin cá nhân', full_name: 'Lê Văn Bình', dob: '1970-06-16' })
    expect(claimKind(claim)).toBe('personal')
    expect(complaintEvidence(claim, rows).map((e) => e.relation)).toEqual(['contradicts', 'contradicts'])
    const right = prep({ kind: 'complaint', complaint_type: 'Wrong personal information', full_name: 'Le Van Binh', dob: '1970-06-15' })
    expect(complaintEvidence(right, rows).map((e) => e.relation)).toEqual(['supports', 'supports'])
  })
})
