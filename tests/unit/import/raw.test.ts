import { expect, test } from 'vitest'
import { normalizeId } from '../../../main/core/import/normalize/id.ts'
import { encodeRaw } from '../../../main/core/import/raw.ts'

test('raw cells are kept as read: dates as ISO text, missing cells as null, trailing empties dropped, the row untouched', () => {
  const cells = [1, 'Nguyễn Văn An', new Date(Date.UTC(1990, 0, 2)), null, new Date(Date.UTC(2021, 6, 1, 8, 30)), true, null, null]
  const copy = [...cells]
  expect(encodeRaw(cells)).toBe('[1,"Nguyễn Văn An","1990-01-02",null,"2021-07-01T08:30:00.000Z",true]')
  expect(cells).toEqual(copy)
  const sparse: (string | null)[] = []
  sparse[2] = 'x'
  expect(encodeRaw(sparse)).toBe('[null,null,"x"]')
  expect(encodeRaw(['a', 'b'])).toBe('["a","b"]')
  expect(encodeRaw([null, null])).toBe('[]')
})

test('IDs written as plain digits take the same path as other text', () => {
  expect(normalizeId('001085012345')).toEqual({ value: '001085012345', kind: 'CCCD', warnings: [] })
  expect(normalizeId('01085012345')).toEqual({
    value: '001085012345',
    kind: 'CCCD',
    warnings: [{ field: 'national_id', code: 'ID_LEADING_ZERO_RESTORED' }]
  })
  expect(normalizeId('1085012345', 'national_id', true)).toMatchObject({ value: '001085012345', kind: 'CCCD' })
  expect(normalizeId('1085012345')).toEqual({ value: '1085012345', kind: 'OTHER', warnings: [] })
  expect(normalizeId('13456789', 'old_national_id', true)).toMatchObject({ value: '013456789', kind: 'CMND' })
  expect(normalizeId('１２３４５６７８９')).toMatchObject({ value: '123456789', kind: 'CMND' })
})
