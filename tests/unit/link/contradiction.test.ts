import { describe, expect, it } from 'vitest'
import { birthDate } from '../../../main/core/link/compare/dob.ts'
import { nationalId } from '../../../main/core/link/compare/id.ts'
import { givenName } from '../../../main/core/link/compare/name.ts'
import { phone } from '../../../main/core/link/compare/phone.ts'
import { contradiction } from '../../../main/core/link/veto.ts'
import type { LinkModel } from '../../../main/core/link/model/score.ts'
import { buildTermFrequencies } from '../../../main/core/link/model/tf.ts'
import { prep } from './prep.ts'

/**
 * Which row pairs may never be one person. Weights as EM learns them on Vietnamese data:
 * a different given name, birth date or ID is strongly against a match (≤ −5 bits).
 */
const model: LinkModel = {
  comparisons: [
    // exact … crossed, different: the last level is −6.6 bits.
    { comparison: givenName, m: [0.9, 0.05, 0.01, 0.02, 0.01, 0.001, 0.01], u: [0.01, 0.005, 0.005, 0.01, 0.02, 0.001, 0.95] },
    // exact, year only, swapped, one digit, 01/01, different (−5.6 bits)
    { comparison: birthDate, m: [0.9, 0.03, 0.02, 0.02, 0.01, 0.02], u: [0.001, 0.001, 0.001, 0.001, 0.001, 0.995] },
    // exact, crosswalk, typo, not own, conflict (−6.6 bits)
    { comparison: nationalId, m: [0.9, 0.05, 0.02, 0.02, 0.01], u: [1e-6, 1e-6, 1e-6, 0.01, 0.99] },
    // exact, typo, different
    { comparison: phone, m: [0.8, 0.01, 0.19], u: [1e-5, 1e-4, 0.9999] }
  ],
  lambda: 1e-5,
  tf: buildTermFrequencies([])
}
const cannotLink = contradiction(model)
const row = (o: Record<string, string | null>) =>
  prep({ full_name: 'Trịnh Thu Phong', dob: '1971-04-26', gender: 'F', national_id: '062171132680', phone: '0968381560', ...o })

describe('contradictions between site rows', () => {
  it('a different birth date or ID alone keeps two rows apart', () => {
    expect(cannotLink(row({ phone: null, national_id: null }), row({ phone: null, national_id: null, dob: '1977-10-26' }))).toBe(true)
    expect(cannotLink(row({ phone: null }), row({ phone: null, national_id: '001171004321' }))).toBe(true)
  })
  it('…unless the rows share the ID or the phone: one slip on a row that still gives the person’s own', () => {
    expect(cannotLink(row({ national_id: null }), row({ national_id: null, dob: '1977-10-26' }))).toBe(false)
    expect(cannotLink(row({ phone: null }), row({ phone: null, dob: '1977-10-26' }))).toBe(false)
    // Someone else's CCCD copied down (one that fits the row: a woman born 1971), the phone still the person's.
    expect(cannotLink(row({}), row({ national_id: '001171004321' }))).toBe(false)
  })
  it('…or their IDs are one person’s by the registry (a CCCD on one row, the old CMND on the other)', () => {
    const cccd = row({ phone: null })
    const cmnd = row({ phone: null, national_id: '164795816', dob: '1977-10-26' })
    expect(cannotLink(cccd, cmnd)).toBe(true)
    expect(cannotLink(cccd, cmnd, true)).toBe(false)
    expect(cannotLink(cccd, row({ phone: null, national_id: '164795816', full_name: 'Trịnh Thu Hà' }), true)).toBe(true)
  })
  it('never lifts a different given name (twins share a phone), nor two contradictions at once', () => {
    expect(cannotLink(row({}), row({ full_name: 'Trịnh Thu Hà' }))).toBe(true)
    expect(cannotLink(row({}), row({ dob: '1977-10-26', national_id: '001177004321' }))).toBe(true)
  })
})
