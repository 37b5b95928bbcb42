/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so intervals are plain arithmetic
 * and nothing depends on the machine's time zone.
 */
const MS_PER_DAY = 86_400_000

export function day(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY
}

export interface Ymd {
  year: number
  month: number
  day: number
}

export function ymd(d: number): Ymd {
  const date = new Date(d * MS_PER_DAY)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The Date exceljs turns into an Excel serial (it reads dates as UTC). */
export function excelDate(d: number, minutes = 0): Date {
  return new Date(d * MS_PER_DAY + minutes * 60_000)
}

export function isValidDate(year: number, month: number, dayOfMonth: number): boolean {
  if (month < 1 || month > 12 || dayOfMonth < 1) return false
  return dayOfMonth <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** dd/mm/yyyy, the way Vietnamese forms write dates. */
export function dmy(p: Ymd): string {
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`
}

/** YYYY-MM-DD. */
export function iso(p: Ymd): string {
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`
}

export const CAMPAIGN_START = day(2021, 3, 8)
export const CAMPAIGN_END = day(2021, 12, 31)
