import type { Res } from '../../../../main/ipc/contract.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatDateTime as when, formatFieldValue } from '../../format/format.ts'
import { fieldLabel } from '../../i18n/labels.ts'

type Row = Res<'approve:list'>['rows'][number]

/** Proposed corrections, old and new side by side, with who proposed and who decided. */
export function ProposalTable({
  rows,
  selectable,
  selected,
  onSelect
}: {
  rows: readonly Row[]
  selectable: boolean
  selected: ReadonlySet<number>
  onSelect: (s: ReadonlySet<number>) => void
}) {
  const { t, lang } = useI18n()
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="approve-empty">
        {t('approve.empty')}
      </p>
    )
  const allOnPage = rows.every((r) => selected.has(r.id))
  const toggle = (id: number) => {
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    onSelect(next)
  }
  return (
    <DataTable
      className="proposals"
      testId="approve-table"
      rows={rows}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ 'data-testid': `proposal-${r.id}`, 'data-status': r.status })}
      columns={[
        selectable && {
          id: 'select',
          head: (
            <input
              type="checkbox"
              aria-label={t('approve.selectPage')}
              data-testid="select-page"
              checked={allOnPage}
              onChange={() => onSelect(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
            />
          ),
          cell: (r) => (
            <input
              type="checkbox"
              aria-label={`${t('approve.col.select')} ${r.id}`}
              data-testid={`select-${r.id}`}
              checked={selected.has(r.id)}
              onChange={() => toggle(r.id)}
            />
          )
        },
        { id: 'id', head: '#', cell: (r) => r.id },
        {
          id: 'person',
          header: 'approve.col.person',
          cell: (r) => (
            <>
              {r.fullName}
              <div className="muted small mono">{r.nationalId}</div>
              <div className="muted small">{r.siteName}</div>
            </>
          )
        },
        { id: 'field', header: 'approve.col.field', cell: (r) => fieldLabel(t, r.field) },
        {
          id: 'old',
          header: 'approve.col.old',
          cell: (r) => formatFieldValue(r.field, r.oldValue, lang),
          td: () => ({ className: 'old' })
        },
        {
          id: 'new',
          header: 'approve.col.new',
          cell: (r) => formatFieldValue(r.field, r.newValue, lang),
          td: () => ({ className: 'new' })
        },
        { id: 'kind', header: 'approve.col.kind', cell: (r) => t(`approve.kind.${r.kind}` as MessageKey) },
        { id: 'reason', header: 'approve.col.reason', cell: (r) => r.reason },
        { id: 'evidence', header: 'approve.col.evidence', cell: (r) => r.evidence, td: () => ({ className: 'small' }) },
        {
          id: 'proposedBy',
          header: 'approve.col.proposedBy',
          cell: (r) => (
            <>
              {r.proposedBy.name}
              <div className="muted small">{when(r.proposedAt)}</div>
            </>
          )
        },
        {
          id: 'decision',
          header: 'approve.col.decision',
          td: (r) => ({ 'data-testid': `decision-${r.id}` }),
          cell: (r) => (
            <>
              {r.decision && (
                <>
                  {t(`approve.verdict.${r.decision.verdict}` as MessageKey)} · {r.decision.by}
                  <div className="muted small">{when(r.decision.at)}</div>
                  {r.decision.comment && <div className="comment-text">“{r.decision.comment}”</div>}
                </>
              )}
              {r.batchNo && <div className="mono small">{r.batchNo}</div>}
            </>
          )
        }
      ]}
    />
  )
}
