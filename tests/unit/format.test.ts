import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  formatDateTime,
  formatDateValue,
  formatDay,
  formatFieldValue,
  formatGender,
  formatNumber,
  formattedRanges,
  parseDateInput
} from '../../renderer/src/format/format.ts'

// The PC's clock is not Vietnam's: everything below must still read in Vietnam time.
beforeAll(() => {
  process.env.TZ = 'America/New_York'
})

describe('the renderer formats', () => {
  test("instants as dd/mm/yyyy HH:mm on Vietnam's clock, whatever the process zone", () => {
    expect(new Date('2021-10-03T17:46:00Z').getHours()).toBe(13) // New York, to prove the zone is set
    expect(formatDateTime('2021-10-03T17:46:00Z')).toBe('04/10/2021 00:46')
    expect(formatDateTime('2021-10-03T05:46:00.000Z')).toBe('03/10/2021 12:46')
    expect(formatDay('2026-12-02T19:30:00Z')).toBe('03/12/2026')
    expect(formatDateTime(Date.parse('2026-12-03T02:51:00+07:00'))).toBe('03/12/2026 02:51')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  test('stored dates as dd/mm/yyyy, mm/yyyy or yyyy; wall-clock times as they are; other text untouched', () => {
    expect(formatDateValue('1997-05-08')).toBe('08/05/1997')
    expect(formatDateValue('1997-05')).toBe('05/1997')
    expect(formatDateValue('1997')).toBe('1997')
    expect(formatDateValue('2021-10-03 12:46')).toBe('03/10/2021 12:46')
    expect(formatDateValue('2021-10-03T05:46:00.000Z')).toBe('03/10/2021 12:46')
    expect(formatDateValue('Nguyễn Văn A')).toBe('Nguyễn Văn A')
    expect(formatDateValue(null)).toBe('')
  })

  test('what a clerk types as a date, back to the stored form', () => {
    expect(parseDateInput('08/05/1997')).toBe('1997-05-08')
    expect(parseDateInput('8.5.1997')).toBe('1997-05-08')
    expect(parseDateInput('05/1997')).toBe('1997-05')
    expect(parseDateInput('1997')).toBe('1997')
    expect(parseDateInput('31/02/1964')).toBeNull()
    expect(parseDateInput('hôm qua')).toBeNull()
  })

  test('numbers by language, genders as clerks write them, fields by kind', () => {
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5')
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5')
    expect(formatNumber(2820, 'vi')).toBe('2.820')
    expect(formatNumber(2820, 'en')).toBe('2,820')
    expect(formatNumber(0.0588, 'vi', 3)).toBe('0,059')
    expect(formatGender('M', 'vi')).toBe('Nam')
    expect(formatGender('F', 'vi')).toBe('Nữ')
    expect(formatGender('F', 'en')).toBe('Female')
    expect(formatFieldValue('dob', '1997-05-08', 'vi')).toBe('08/05/1997')
    expect(formatFieldValue('dose_date', '2021-08-01', 'en')).toBe('01/08/2021')
    expect(formatFieldValue('gender', 'M', 'en')).toBe('Male')
    expect(formatFieldValue('phone', '0912345678', 'vi')).toBe('0912345678')
  })

  test('marks of differing characters follow the digits into dd/mm/yyyy', () => {
    // 1997-05-08 against 1997-05-09: the last digit of the day, now the second character.
    expect(formattedRanges('dob', '1997-05-08', [[9, 10]], 'vi')).toEqual([[1, 2]])
    // The year 1997 → 1979: its last two digits, now at the end.
    expect(formattedRanges('dob', '1997-05-08', [[2, 4]], 'vi')).toEqual([[8, 10]])
    expect(formattedRanges('full_name', 'Nguyen', [[3, 4]], 'vi')).toEqual([[3, 4]])
    expect(formattedRanges('gender', 'F', [[0, 1]], 'vi')).toEqual([[0, 2]])
  })
})

describe('nothing else in the renderer formats dates or numbers', () => {
  const root = fileURLToPath(new URL('../../renderer/src/', import.meta.url))
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : []
    })

  test('no toISOString, toLocale*String, toFixed or Intl outside renderer/src/format/', () => {
    const offenders = files(root)
      .filter((p) => !relative(root, p).startsWith('format'))
      .flatMap((p) =>
        readFileSync(p, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(root, p)}:${i + 1}` }))
          .filter(({ line }) => /\.toISOString\(|\.toLocale(Date|Time)?String\(|\.toFixed\(|\.toPrecision\(|\bIntl\./.test(line))
          .map(({ at }) => at)
      )
    expect(offenders).toEqual([])
  })
})
