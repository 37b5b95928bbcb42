/**
 * Checks on one person's doses, across every site that recorded them.
 *
 * Minimum intervals between the first and second dose follow QĐ 3588/QĐ-BYT (Ministry of
 * Health, 2021): AstraZeneca 8–12 weeks (so at least 56 days), Pfizer 3 weeks, Moderna
 * 4 weeks, Vero Cell 3–4 weeks, Sputnik V 3 weeks. Hayat-Vax is Vero Cell made under licence
 * and follows it; Abdala's schedule is 0–14–28 days. Janssen is a single dose.
 */
export const MIN_INTERVAL_DAYS: Readonly<Record<string, number>> = {
  ASTRAZENECA: 56,
  PFIZER: 21,
  MODERNA: 28,
  VEROCELL: 21,
  HAYATVAX: 21,
  SPUTNIKV: 21,
  ABDALA: 14
}

/** Products that are the same vaccine under another name count as one family. */
export function vaccineFamily(v: string): string {
  return v === 'HAYATVAX' ? 'VEROCELL' : v
}

export const CAMPAIGN_START = '2021-03-08'

export const DOSE_ISSUE_KINDS = ['duplicate', 'impossible_order', 'short_interval', 'before_birth', 'future', 'before_campaign'] as const
export type DoseIssueKind = (typeof DOSE_ISSUE_KINDS)[number]

export interface Dose {
  recordId: number
  vaccine: string | null
  doseNumber: number | null
  /** YYYY-MM-DD */
  doseDate: string | null
}

export interface DoseIssue {
  recordId: number
  kind: DoseIssueKind
  /** JSON-ready facts the review screen shows (the other dose, the days between, the rule). */
  detail: Record<string, string | number | null>
}

export interface DoseCheckOptions {
  /** Same family within this many days is one dose entered twice (0: same day only). */
  duplicateWindowDays: number
  /** YYYY-MM-DD: doses after it are in the future. */
  today: string
}

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 7

const DAY = 86_400_000
const dayNumber = (d: string): number => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY)
const validDate = (d: string | null): d is string =>
  d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`))

/** dob is YYYY-MM-DD or YYYY; with only a year, a dose is before birth only in an earlier year. */
function beforeBirth(doseDate: string, dob: string | null): boolean {
  if (!dob) return false
  if (/^\d{4}$/.test(dob)) return Number(doseDate.slice(0, 4)) < Number(dob)
  return validDate(dob) && doseDate < dob
}

export function checkDoses(doses: readonly Dose[], dob: string | null, opts: DoseCheckOptions): DoseIssue[] {
  const issues: DoseIssue[] = []
  const dated = doses
    .filter((d) => validDate(d.doseDate))
    .sort((a, b) => (a.doseDate as string).localeCompare(b.doseDate as string) || a.recordId - b.recordId)

  for (const d of dated) {
    const date = d.doseDate as string
    if (date > opts.today) issues.push({ recordId: d.recordId, kind: 'future', detail: { dose_date: date, today: opts.today } })
    if (date < CAMPAIGN_START)
      issues.push({ recordId: d.recordId, kind: 'before_campaign', detail: { dose_date: date, campaign_start: CAMPAIGN_START } })
    if (beforeBirth(date, dob)) issues.push({ recordId: d.recordId, kind: 'before_birth', detail: { dose_date: date, dob } })
  }

  // Duplicates: a later entry of the same family within the window repeats an earlier one.
  const duplicate = new Set<number>()
  for (let i = 0; i < dated.length; i++) {
    const a = dated[i] as Dose
    if (duplicate.has(a.recordId) || !a.vaccine) continue
    for (let j = i + 1; j < dated.length; j++) {
      const b = dated[j] as Dose
      const gap = dayNumber(b.doseDate as string) - dayNumber(a.doseDate as string)
      if (gap > opts.duplicateWindowDays) break
      if (duplicate.has(b.recordId) || !b.vaccine || vaccineFamily(a.vaccine) !== vaccineFamily(b.vaccine)) continue
      duplicate.add(b.recordId)
      issues.push({ recordId: b.recordId, kind: 'duplicate', detail: { duplicate_of: a.recordId, days_apart: gap, vaccine: b.vaccine } })
    }
  }

  const series = dated.filter((d) => !duplicate.has(d.recordId))
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1] as Dose
    const cur = series[i] as Dose
    const gap = dayNumber(cur.doseDate as string) - dayNumber(prev.doseDate as string)
    if (prev.doseNumber !== null && cur.doseNumber !== null && cur.doseNumber <= prev.doseNumber) {
      issues.push({
        recordId: cur.recordId,
        kind: 'impossible_order',
        detail: {
          dose_number: cur.doseNumber,
          dose_date: cur.doseDate,
          previous_record: prev.recordId,
          previous_dose_number: prev.doseNumber,
          previous_dose_date: prev.doseDate
        }
      })
      continue
    }
    // The primary series: the interval into the second dose, set by the first dose's vaccine.
    const isSecond = cur.doseNumber === 2 || (cur.doseNumber === null && i === 1)
    const min = prev.vaccine ? MIN_INTERVAL_DAYS[vaccineFamily(prev.vaccine)] : undefined
    if (isSecond && min !== undefined && gap < min) {
      issues.push({
        recordId: cur.recordId,
        kind: 'short_interval',
        detail: { previous_record: prev.recordId, days_apart: gap, min_days: min, vaccine: prev.vaccine }
      })
    }
  }
  return issues
}
