import type { Res } from '../../../../main/ipc/contract.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { BarChart } from './BarChart.tsx'
import { DailyProgress } from './DailyProgress.tsx'
import { formatDateTime, formatDay, formatNumber } from '../../format/format.ts'
import { SaveReport } from './SaveReport.tsx'
import '../approve/approve.css'

type Report = Res<'reports:get'>
type Site = Report['total']
/** A site's row of the table, or the district's total under them. */
type Row = { site: Site; total: boolean; n: number }

const COLUMNS: [MessageKey, (s: Site) => number][] = [
  ['reports.records', (s) => s.records],
  ['reports.linked', (s) => s.linked],
  ['reports.inReview', (s) => s.inReview],
  ['reports.proposed', (s) => s.proposed],
  ['reports.approved', (s) => s.approved],
  ['reports.exported', (s) => s.exported],
  ['reports.duplicates', (s) => s.duplicateDoses],
  ['reports.inTime', (s) => s.complaintsInTime],
  ['reports.late', (s) => s.complaintsLate],
  ['reports.overdue', (s) => s.complaintsOverdue]
]

/** Progress per site and for the district, as charts and a table, and as the .xlsx the district sends up. */
export function ReportsPage({ onError }: PageProps) {
  const { t, lang } = useI18n()
  const report = useQuery('reports:get', {}, { onError }).data
  if (!report) return <StepIntro step="reports" />
  const siteName = (s: Site) => s.site || t('reports.unknownSite')
  // yyyymmdd of the day in Vietnam, for the names of the saved charts.
  const stamp = formatDay(report.generatedAt).split('/').reverse().join('')
  return (
    <section>
      <StepIntro step="reports" />
      <p className="muted">
        {[report.district.name, report.district.province].filter(Boolean).join(', ')} · {t('reports.generated')}{' '}
        {formatDateTime(report.generatedAt)}
      </p>
      <SaveReport onError={onError} />
      <div className="charts">
        <BarChart
          title={t('reports.chart.linked')}
          fileName={`ty-le-lien-ket-${stamp}.png`}
          testId="chart-linked"
          percent
          rows={report.sites.map((s) => ({ label: siteName(s), values: [s.records > 0 ? s.linked / s.records : 0] }))}
          series={[t('reports.linked')]}
        />
        <BarChart
          title={t('reports.chart.corrections')}
          fileName={`dieu-chinh-${stamp}.png`}
          testId="chart-corrections"
          rows={report.sites.map((s) => ({ label: siteName(s), values: [s.proposed, s.approved, s.exported] }))}
          series={[t('reports.proposed'), t('reports.approved'), t('reports.exported')]}
        />
        <BarChart
          title={t('reports.chart.complaints')}
          fileName={`khieu-nai-${stamp}.png`}
          testId="chart-complaints"
          rows={report.sites.map((s) => ({ label: siteName(s), values: [s.complaintsInTime, s.complaintsLate, s.complaintsOverdue] }))}
          series={[t('reports.inTime'), t('reports.late'), t('reports.overdue')]}
        />
      </div>
      <h3>{t('reports.title')}</h3>
      <DataTable<Row>
        testId="report-table"
        rows={[
          ...report.sites.map((site, n) => ({ site, total: false, n })),
          { site: { ...report.total, site: t('reports.total') }, total: true, n: report.sites.length }
        ]}
        rowKey={(r) => `${r.site.site}-${r.n}`}
        rowAttributes={(r) => ({ className: r.total ? 'total' : undefined })}
        columns={[
          { id: 'site', header: 'reports.site', cell: (r) => siteName(r.site) },
          ...COLUMNS.map(([k, v]) => ({ id: k, header: k, cell: (r: Row) => formatNumber(v(r.site), lang) }))
        ]}
      />
      <DailyProgress onError={onError} stamp={stamp} />
    </section>
  )
}
