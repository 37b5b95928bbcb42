import { DataTable } from '../../components/DataTable.tsx'
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
    <DataTable
      className="fit"
      testId="mapping-table"
      rows={columns}
      rowKey={(c) => c.index}
      columns={[
        { id: 'column', header: 'import.column', cell: (c) => c.label },
        {
          id: 'field',
          header: 'import.field',
          cell: (c) => (
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
          )
        },
        {
          id: 'sample',
          cell: (c) =>
            sample
              .map((r) => r[c.index] ?? '')
              .filter((v) => v !== '')
              .slice(0, 3)
              .join(' · '),
          td: () => ({ className: 'muted small' })
        }
      ]}
    />
  )
}
