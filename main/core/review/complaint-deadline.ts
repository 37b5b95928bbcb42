/** A complaint must be resolved within 48 hours of its submission. */
export const COMPLAINT_HOURS = 48

/**
 * When a complaint is due: the queue, its countdown and the reports all ask here. Import
 * keeps the time of submission (YYYY-MM-DD HH:MM) where the list gives one; a date alone
 * is taken as the start of that day in Vietnam, the strictest reading, so a complaint is
 * never reported as on time when it may not have been. A time without a zone is Vietnam time.
 */
export function complaintDeadline(submittedAt: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(submittedAt.trim())
  if (!m) return null
  const submitted = new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? '+07:00'}`)
  if (Number.isNaN(submitted.getTime())) return null
  return new Date(submitted.getTime() + COMPLAINT_HOURS * 3600 * 1000)
}
