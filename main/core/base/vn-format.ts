/**
 * Dates as a Vietnamese office reads them: dd/mm/yyyy, in Vietnam's time (UTC+7 all
 * year, no daylight saving), whatever the PC's own time zone is set to.
 */
import { VN_OFFSET_MS } from './clock.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** A Date whose UTC fields read as Vietnam's wall clock: what exceljs writes into a date cell. */
export function vnWallClock(iso: string | Date): Date {
  return new Date(new Date(iso).getTime() + VN_OFFSET_MS)
}

export function vnDateTime(iso: string | Date): string {
  const d = vnWallClock(iso)
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export function vnDate(iso: string | Date): string {
  return vnDateTime(iso).slice(0, 10)
}

/**
 * YYYY-MM-DD [HH:MM] → dd/mm/yyyy [HH:MM], YYYY-MM → mm/yyyy; a year alone (dob known only
 * to the year) stays a year; anything else as is. The renderer shows them the same way
 * (renderer/src/format/format.ts).
 */
export function vnDateValue(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})( \d{2}:\d{2})?$/.exec(v)
  if (m) return `${m[3]}/${m[2]}/${m[1]}${m[4] ?? ''}`
  const month = /^(\d{4})-(\d{2})$/.exec(v)
  return month ? `${month[2]}/${month[1]}` : v
}

/** yyyymmdd in Vietnam's calendar, for batch numbers. */
export function vnCompactDate(iso: string | Date): string {
  const d = vnWallClock(iso)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}
