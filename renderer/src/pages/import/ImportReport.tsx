import { useState } from 'react'
import type { JobResults, Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatNumber } from '../../format/format.ts'

type Summary = JobResults['import']
type Codes = Res<'import:codes'>

/** The rows that carry one kind of warning, by the row number Excel shows. */
function WarningRowList({ importId, code, onError }: { importId: number; code: string; onError(e: unknown): void }) {
  const { t } = useI18n()
  const list = useQuery('import:warningRows', { importId, code }, { onError }).data
  if (!list) return null
  return (
    <div data-testid={`warning-rows-${code}`}>
      <ul className="import-warning-rows">
        {list.rows.map((r) => (
          <li key={r.sourceRow} data-row={r.sourceRow}>
            {fill(t('import.report.warningRow'), { row: r.sourceRow, name: r.fullName ?? '—', fields: r.fields.join(', ') })}
          </li>
        ))}
      </ul>
      {list.total > list.rows.length && (
        <p className="muted">{fill(t('import.report.warningRowsMore'), { shown: list.rows.length, total: list.total })}</p>
      )}
    </div>
  )
}

/** Counts by code; with `rows`, each code opens the list of rows that carry it. */
function Counts({
  counts,
  texts,
  testid,
  rows
}: {
  counts: Record<string, number>
  texts: Codes['reasons'] | undefined
  testid: string
  rows?: { importId: number; onError(e: unknown): void }
}) {
  const { pick, lang } = useI18n()
  const [open, setOpen] = useState<string | null>(null)
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1])
  const label = (code: string) => (texts?.[code] ? pick(texts[code]) : code)
  return (
    <DataTable
      className="fit"
      testId={testid}
      rows={entries}
      rowKey={([code]) => code}
      empty="import.report.none"
      rowAttributes={([code]) => ({ 'data-code': code })}
      columns={[
        {
          id: 'code',
          cell: ([code]) =>
            rows ? (
              <>
                <button
                  type="button"
                  className="link"
                  aria-expanded={open === code}
                  data-testid={`warning-${code}`}
                  onClick={() => setOpen(open === code ? null : code)}
                >
                  {label(code)}
                </button>
                {open === code && <WarningRowList importId={rows.importId} code={code} onError={rows.onError} />}
              </>
            ) : (
              label(code)
            )
        },
        { id: 'count', cell: ([, n]) => formatNumber(n, lang), td: () => ({ className: 'num' }) }
      ]}
    />
  )
}

/** The last step: what was imported, what was rejected and why, and the rejects to send back. */
export function ImportReport({ summary, onError }: { summary: Summary; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const codes = useQuery('import:codes', {}, { onError }).data
  const [exported, setExported] = useState<string | null>(null)
  if (summary.duplicateOf) {
    return (
      <p className="notice" data-testid="import-duplicate">
        {fill(t('import.report.duplicate'), { id: summary.duplicateOf.importId })}
      </p>
    )
  }
  const exportRejects = () =>
    call('import:rejects:export', { importId: summary.importId }).then((r) => {
      if (r.path) setExported(fill(t('import.rejects.exported'), { n: formatNumber(r.rows, lang), path: r.path }))
    }, onError)
  return (
    <div data-testid="import-report">
      <dl className="tiles">
        {(
          [
            ['import.report.read', summary.rowsRead, 'read'],
            ['import.report.imported', summary.imported, 'imported'],
            ['import.report.rejected', summary.rejected, 'rejected'],
            ['import.report.blank', summary.blankRows, 'blank']
          ] as const
        ).map(([label, n, id]) => (
          <div key={id} className="tile" data-testid={`report-${id}`}>
            <dt>{t(label)}</dt>
            <dd>{formatNumber(n, lang)}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('import.report.byReason')}</h4>
      <Counts counts={summary.rejectsByReason} texts={codes?.reasons} testid="report-reasons" />
      {summary.rejected > 0 && (
        <button type="button" data-testid="export-rejects" onClick={() => void exportRejects()}>
          {t('import.rejects.export')}
        </button>
      )}
      {exported && (
        <p className="notice" data-testid="rejects-exported">
          {exported}
        </p>
      )}
      <h4>{t('import.report.byWarning')}</h4>
      <Counts
        counts={summary.warningsByKind}
        texts={codes?.warnings}
        testid="report-warnings"
        rows={{ importId: summary.importId, onError }}
      />
    </div>
  )
}
