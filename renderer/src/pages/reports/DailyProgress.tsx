import { useState } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatDateValue, formatNumber } from '../../format/format.ts'
import { ChartFigure } from './ChartFigure.tsx'
import { LineChart } from './LineChart.tsx'
import './reports.css'

type Series = Res<'reports:daily'>
type Day = Series['district'][number]
type DayRow = { day: Series['days'][number]; figures: Day | undefined }

const WORK: [MessageKey, keyof Day][] = [
  ['reports.daily.imported', 'imported'],
  ['reports.daily.linked', 'linked'],
  ['reports.daily.proposed', 'proposed'],
  ['reports.daily.approved', 'approved'],
  ['reports.daily.exported', 'exported']
]
const COMPLAINTS: [MessageKey, keyof Day][] = [
  ['reports.daily.received', 'complaintsReceived'],
  ['reports.inTime', 'complaintsInTime'],
  ['reports.late', 'complaintsLate'],
  ['reports.daily.overdue', 'complaintsOverdue']
]

/** Progress day by day (Vietnamese days), for the district or one site: two line charts and the table under them. */
export function DailyProgress({ onError, stamp }: { onError: (e: unknown) => void; stamp: string }) {
  const { t, lang } = useI18n()
  const series = useQuery('reports:daily', {}, { onError }).data
  const [site, setSite] = useState<string | null>(null)
  if (!series) return null
  const days = site === null ? series.district : (series.sites.find((s) => s.site === site)?.days ?? series.district)
  const lines = (cols: [MessageKey, keyof Day][]) => cols.map(([k, key]) => ({ label: t(k), values: days.map((d) => d[key]) }))
  const siteLabel = (s: string) => s || t('reports.unknownSite')
  return (
    <section data-testid="daily-progress">
      <h3>{t('reports.daily.title')}</h3>
      <label>
        {t('reports.daily.scope')}{' '}
        <select
          data-testid="daily-scope"
          value={site ?? ''}
          onChange={(e) => setSite(e.target.value === '' ? null : e.target.value.slice(1))}
        >
          <option value="">{t('reports.total')}</option>
          {series.sites.map((s) => (
            <option key={s.site} value={`=${s.site}`}>
              {siteLabel(s.site)}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">
        {formatDateValue(series.from)} – {formatDateValue(series.to)}
      </span>
      <div className="charts">
        <ChartFigure title={t('reports.daily.chart.work')} fileName={`tien-do-theo-ngay-${stamp}.png`} testId="chart-daily-work">
          <LineChart title={t('reports.daily.chart.work')} days={series.days} series={lines(WORK)} />
        </ChartFigure>
        <ChartFigure
          title={t('reports.daily.chart.complaints')}
          fileName={`khieu-nai-theo-ngay-${stamp}.png`}
          testId="chart-daily-complaints"
        >
          <LineChart title={t('reports.daily.chart.complaints')} days={series.days} series={lines(COMPLAINTS)} />
        </ChartFigure>
      </div>
      <div className="daily-table">
        <DataTable<DayRow>
          testId="daily-table"
          rows={series.days.map((day, i) => ({ day, figures: days[i] }))}
          rowKey={(r) => r.day}
          rowAttributes={(r) => ({ 'data-day': r.day })}
          columns={[
            { id: 'day', header: 'reports.daily.day', cell: (r) => formatDateValue(r.day) },
            ...[...WORK, ...COMPLAINTS].map(([k, key]) => ({
              id: k,
              header: k,
              cell: (r: DayRow) => formatNumber(r.figures?.[key] ?? 0, lang)
            }))
          ]}
        />
      </div>
    </section>
  )
}
