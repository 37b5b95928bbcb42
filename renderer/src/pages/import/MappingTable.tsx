import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'

export interface Column {
  index: number
  label: string
}

/** One row per column of the file: its header, the field it goes to, and the first values. */
export function MappingTable({
  columns,
  fields,
  value,
  sample,
  onChange
}: {
  columns: Column[]
  fields: string[]
  value: Record<number, string>
  sample: string[][]
  onChange(index: number, field: string): void
}) {
  const { t } = useI18n()
  return (
    <table className="import-table" data-testid="mapping-table">
      <thead>
        <tr>
          <th>{t('import.column')}</th>
          <th>{t('import.field')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.index}>
            <td>{c.label}</td>
            <td>
              <select
                data-testid={`map-${c.index}`}
                aria-label={c.label}
                value={value[c.index] ?? ''}
                onChange={(e) => onChange(c.index, e.target.value)}
              >
                <option value="">{t('import.field.none')}</option>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {t(`import.field.${f}` as MessageKey)}
                  </option>
                ))}
              </select>
            </td>
            <td className="muted small">
              {sample
                .map((r) => r[c.index] ?? '')
                .filter((v) => v !== '')
                .slice(0, 3)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
