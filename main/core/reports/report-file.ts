import { districtByCode, provinceByCode } from '../data/vn-admin.ts'
import { workspaceDistrict } from '../export/district.ts'
import { APP_VERSION } from '../base/version.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { now as clockNow } from '../base/clock.ts'
import { dailySeries, type SeriesOptions } from './daily.ts'
import { progressReport } from './progress.ts'
import { readSources, type ReportSources } from './sources.ts'
import type { DayCounts, ProgressReport, SiteProgress } from './schema.ts'

/**
 * A report file's content, for a district (its sites) or a province (its districts): what
 * the workbook holds and what merging reads back. The layout is in report-workbook.ts.
 */
export const REPORT_FORMAT = 'vaxrecon-report/1'

export type Level = 'district' | 'province'
/** A row is one site, one district or one province. */
export type RowKind = 'site' | Level
export type Counts = Omit<SiteProgress, 'site'>

export interface UnitRow {
  kind: RowKind
  /** The district's code ('' for a site row's own code, which sites do not have), or the province's for its total. */
  code: string
  name: string
  counts: Counts
}

export interface DayRow {
  date: string
  kind: RowKind
  code: string
  name: string
  counts: DayCounts
}

export interface ReportSource {
  districtCode: string
  districtName: string
  signer: string
  keyId: string
  sha256: string
  file: string
}

export interface ReportFile {
  format: typeof REPORT_FORMAT
  level: Level
  districtCode: string | null
  districtName: string | null
  provinceCode: string | null
  provinceName: string | null
  from: string
  to: string
  generatedAt: string
  signer: { name: string; keyId: string; fingerprint: string } | null
  appVersion: string
  /** The sites (or districts) in order, then the total. */
  units: UnitRow[]
  /** For each day in order: its sites (or districts), then the total. */
  days: DayRow[]
  batches: ProgressReport['batches']
  sources: ReportSource[]
}

export const UNKNOWN_SITE = 'Không rõ điểm tiêm'
export const DISTRICT_TOTAL = 'Toàn huyện'
export const PROVINCE_TOTAL = 'Toàn tỉnh'

const counts = ({ site: _, ...rest }: SiteProgress): Counts => rest

export function provinceOf(districtCode: string | null): { code: string | null; name: string | null } {
  const parent = districtCode ? districtByCode.get(districtCode)?.parent_code : undefined
  return { code: parent ?? null, name: parent ? (provinceByCode.get(parent)?.name_with_type ?? null) : null }
}

/** The district's report: the snapshot per site (as `progressReport` made it), and the daily series over the period. */
export function districtReport(
  ws: Workspace,
  snap: ProgressReport,
  opts: SeriesOptions & { now: Date },
  src: ReportSources = readSources(ws.db)
): ReportFile {
  const series = dailySeries(ws, opts, src)
  const district = workspaceDistrict(ws)
  const code = district.code ?? ''
  const province = provinceOf(district.code)
  const siteName = (s: string) => (s === '' ? UNKNOWN_SITE : s)
  const days: DayRow[] = []
  series.days.forEach((date, i) => {
    for (const s of series.sites) days.push({ date, kind: 'site', code, name: siteName(s.site), counts: s.days[i] as DayCounts })
    days.push({ date, kind: 'district', code, name: DISTRICT_TOTAL, counts: series.district[i] as DayCounts })
  })
  return {
    format: REPORT_FORMAT,
    level: 'district',
    districtCode: district.code,
    districtName: district.name,
    provinceCode: province.code,
    provinceName: province.name ?? district.province,
    from: series.from,
    to: series.to,
    generatedAt: snap.generatedAt,
    signer: null,
    appVersion: APP_VERSION,
    units: [
      ...snap.sites.map((s) => ({ kind: 'site' as const, code, name: siteName(s.site), counts: counts(s) })),
      { kind: 'district', code, name: DISTRICT_TOTAL, counts: counts(snap.total) }
    ],
    days,
    batches: snap.batches,
    sources: []
  }
}

/** What a district report file holds, and the snapshot it was made from. */
export interface ReportContent {
  snapshot: ProgressReport
  report: ReportFile
}

/** The snapshot and the district report over the period, from one read of the workspace. */
export function reportContent(ws: Workspace, opts: SeriesOptions = {}): ReportContent {
  const now = opts.now ?? clockNow()
  const src = readSources(ws.db)
  const snapshot = progressReport(ws, now, src)
  return { snapshot, report: districtReport(ws, snapshot, { from: opts.from, to: opts.to, now }, src) }
}
