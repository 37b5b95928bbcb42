import type { Res } from '../../../../main/ipc/contract.ts'
import { DataTable, type Column } from '../../components/DataTable.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'

type Panel = Res<'review:candidates'>
type Field = 'fullName' | 'dob' | 'gender' | 'nationalId' | 'oldNationalId' | 'phone' | 'address'
const FIELDS: { key: Field; label: MessageKey }[] = [
  { key: 'fullName', label: 'review.id.name' },
  { key: 'dob', label: 'review.id.dob' },
  { key: 'gender', label: 'review.id.gender' },
  { key: 'nationalId', label: 'review.id.nationalId' },
  { key: 'oldNationalId', label: 'review.id.oldId' },
  { key: 'phone', label: 'review.id.phone' },
  { key: 'address', label: 'review.id.address' }
]
type Row = (typeof FIELDS)[number] & { differs: boolean }
const norm = (v: string | null): string => (v ?? '').normalize('NFC').trim().toLowerCase()

/**
 * The candidates side by side, one column each beside the subject's first row: the fields
 * in which they differ from one another are marked, since those are what tells twins and
 * namesakes apart; a value that agrees with the subject's is marked too.
 */
export function CandidateCompare({ panel }: { panel: Panel }) {
  const { t } = useI18n()
  const subject = panel.rows[0]
  const cands = panel.candidates
  if (cands.length < 2) return null
  const rows = FIELDS.map((f) => ({ ...f, differs: new Set(cands.map((c) => norm(c[f.key]))).size > 1 }))
  return (
    <DataTable
      className="compact compare"
      testId="candidates-compare"
      rows={rows}
      rowKey={(r) => r.key}
      rowAttributes={(r) => ({ className: r.differs ? 'differs' : undefined, 'data-field': r.key, 'data-differs': r.differs })}
      columns={[
        { id: 'field', rowHeader: true, width: '16%', cell: (r) => t(r.label) },
        {
          id: 'subject',
          header: 'review.candidates.rows',
          th: { title: t('review.candidates.rows') },
          cell: (r) => subject?.[r.key],
          td: (r) => ({ className: 'clip', title: subject?.[r.key] ?? '' })
        },
        ...cands.map((c, i): Column<Row> => ({
          id: String(c.recordId),
          head: i + 1,
          th: { title: c.fullName ?? '' },
          cell: (r) => c[r.key] ?? '—',
          td: (r) => {
            const agrees = subject?.[r.key] && norm(subject[r.key]) === norm(c[r.key])
            return { className: `clip${agrees ? ' agrees' : ''}`, title: c[r.key] ?? '' }
          }
        }))
      ]}
    />
  )
}
