import type { Res } from '../../../../main/ipc/contract.ts'
import { DataTable, type Column } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatFieldValue, formatNumber, type FormatLang } from '../../format/format.ts'
import { fieldLabel } from '../../i18n/labels.ts'

type Rows = Res<'import:preview'>['rows']
type Row = Rows[number]

// The record's fields in their canonical order; only those with a value in some row are shown.
const FIELDS = [
  'full_name',
  'dob',
  'gender',
  'national_id',
  'id_kind',
  'old_national_id',
  'phone',
  'address',
  'province_code',
  'district_code',
  'ward_code',
  'vaccine',
  'lot',
  'dose_number',
  'dose_date',
  'site_name',
  'complaint_id',
  'submitted_at',
  'complaint_type',
  'description'
]

const cellText = (f: string, v: unknown, lang: FormatLang): string =>
  typeof v === 'number'
    ? formatNumber(v, lang)
    : typeof v === 'string'
      ? formatFieldValue(f, v, lang)
      : v === null || v === undefined
        ? ''
        : String(v)

/** The validation step: what import would store for the first rows, or why it would reject them. */
export function ValidateTable({ rows }: { rows: Rows }) {
  const { t, pick, lang } = useI18n()
  // Without the texts a warning shows its code: no banner for this.
  const codes = useQuery('import:codes', {}).data
  const shown = FIELDS.filter((f) => rows.some((r) => r.values[f] !== null && r.values[f] !== undefined))
  const warning = (w: string) => {
    const [field, code = ''] = w.split(':')
    const text = codes?.warnings[code]
    return `${fieldLabel(t, field ?? '')}: ${text ? pick(text) : code}`
  }
  const reason = (r: Row) => (r.reason ? pick(r.reason) : '')
  return (
    <div className="import-scroll">
      <DataTable
        testId="validate-table"
        rows={rows}
        rowKey={(r) => r.row}
        rowAttributes={(r) => ({ className: r.status === 'rejected' ? 'import-row-rejected' : undefined, 'data-status': r.status })}
        columns={[
          { id: 'row', header: 'import.row', cell: (r) => r.row },
          { id: 'status', header: 'import.status', cell: (r) => (r.status === 'ok' ? t('import.status.ok') : t('import.status.rejected')) },
          // A rejected row has no values: its reason fills the fields' columns.
          ...shown.map((f, i): Column<Row> => ({
            id: f,
            head: fieldLabel(t, f),
            cell: (r) => (r.status === 'rejected' ? reason(r) : cellText(f, r.values[f], lang)),
            td: (r) => (r.status === 'rejected' && i === 0 ? { colSpan: shown.length } : {})
          })),
          shown.length === 0 && { id: 'reason', cell: reason },
          {
            id: 'warnings',
            header: 'import.warnings',
            cell: (r) => r.warnings.map((w) => <div key={w}>{warning(w)}</div>),
            td: () => ({ className: 'small' })
          }
        ]}
      />
    </div>
  )
}
