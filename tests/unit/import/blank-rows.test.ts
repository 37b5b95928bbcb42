import { expect, test } from 'vitest'
import { normalizeRow } from '../../../main/core/import/normalize/row.ts'

// The blank test skips trimming text that starts with a character trim never removes
// (normalize/row.ts): every kind of space trim does remove must still make a row blank.
const cols = { full_name: [0], dob: [1], national_id: [2] }

test('a row of cells holding only spaces of any kind is blank; one real character anywhere is not', () => {
  const spaces = [' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '']
  for (const s of spaces) expect(normalizeRow([s, `${s}${s}`, null], cols, 'site').status).toBe('blank')
  expect(normalizeRow(['\u3000', '\u00a0 ', '\ufeff7'], cols, 'site').status).not.toBe('blank')
  expect(normalizeRow([null, null, ' Đ'], cols, 'site').status).not.toBe('blank')
  expect(normalizeRow(['Ấn', null, null], cols, 'site').status).not.toBe('blank')
})
