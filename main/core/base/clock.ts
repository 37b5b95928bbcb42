/**
 * The one clock of the app. VaxRecon reasons in Vietnam time (Asia/Ho_Chi_Minh) whatever
 * the PC's clock zone is set to. Vietnam has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact for every date the app handles and needs no time-zone data.
 *
 * Tests (and a support session replaying a day) fix "now" with VAXRECON_NOW, an ISO instant
 * such as 2021-10-03T18:00:00Z; nothing else in core reads the system clock directly.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh'
export const VN_OFFSET_MS = 7 * 3_600_000

/** The current instant (VAXRECON_NOW when set). */
export function now(): Date {
  const fixed = process.env.VAXRECON_NOW
  if (fixed) {
    const at = new Date(fixed)
    if (!Number.isNaN(at.getTime())) return at
  }
  return new Date()
}

/** The calendar date (yyyy-mm-dd) in Vietnam at an instant. */
export function vnDateIso(at: Date = now()): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a Vietnamese calendar day (yyyy-mm-dd) starts: its midnight in Vietnam. */
export function vnDayStart(dateIso: string): Date {
  return new Date(Date.parse(`${dateIso}T00:00:00Z`) - VN_OFFSET_MS)
}
