import type { Res } from '../../../../main/ipc/contract.ts'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatFieldValue, formatNumber, type FormatLang } from '../../format/format.ts'
import { fieldLabel } from '../../i18n/labels.ts'

type Rows = Res<'import:preview'>['rows']

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
  return (
    <div className="import-scroll">
      <table className="import-table" data-testid="validate-table">
        <thead>
          <tr>
            <th>{t('import.row')}</th>
            <th>{t('import.status')}</th>
            {shown.map((f) => (
              <th key={f}>{fieldLabel(t, f)}</th>
            ))}
            <th>{t('import.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className={r.status === 'rejected' ? 'import-row-rejected' : undefined} data-status={r.status}>
              <td>{r.row}</td>
              <td>{r.status === 'ok' ? t('import.status.ok') : t('import.status.rejected')}</td>
              {r.status === 'rejected' ? (
                <td colSpan={shown.length}>{r.reason ? pick(r.reason) : ''}</td>
              ) : (
                shown.map((f) => <td key={f}>{cellText(f, r.values[f], lang)}</td>)
              )}
              <td className="small">
                {r.warnings.map((w) => (
                  <div key={w}>{warning(w)}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
