import type { Res } from '../../../../main/ipc/contract.ts'
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
    <table className="data proposals" data-testid="approve-table">
      <thead>
        <tr>
          {selectable && (
            <th>
              <input
                type="checkbox"
                aria-label={t('approve.selectPage')}
                data-testid="select-page"
                checked={allOnPage}
                onChange={() => onSelect(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
              />
            </th>
          )}
          <th>#</th>
          <th>{t('approve.col.person')}</th>
          <th>{t('approve.col.field')}</th>
          <th>{t('approve.col.old')}</th>
          <th>{t('approve.col.new')}</th>
          <th>{t('approve.col.kind')}</th>
          <th>{t('approve.col.reason')}</th>
          <th>{t('approve.col.evidence')}</th>
          <th>{t('approve.col.proposedBy')}</th>
          <th>{t('approve.col.decision')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`proposal-${r.id}`} data-status={r.status}>
            {selectable && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('approve.col.select')} ${r.id}`}
                  data-testid={`select-${r.id}`}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                />
              </td>
            )}
            <td>{r.id}</td>
            <td>
              {r.fullName}
              <div className="muted small mono">{r.nationalId}</div>
              <div className="muted small">{r.siteName}</div>
            </td>
            <td>{fieldLabel(t, r.field)}</td>
            <td className="old">{formatFieldValue(r.field, r.oldValue, lang)}</td>
            <td className="new">{formatFieldValue(r.field, r.newValue, lang)}</td>
            <td>{t(`approve.kind.${r.kind}` as MessageKey)}</td>
            <td>{r.reason}</td>
            <td className="small">{r.evidence}</td>
            <td>
              {r.proposedBy.name}
              <div className="muted small">{when(r.proposedAt)}</div>
            </td>
            <td data-testid={`decision-${r.id}`}>
              {r.decision && (
                <>
                  {t(`approve.verdict.${r.decision.verdict}` as MessageKey)} · {r.decision.by}
                  <div className="muted small">{when(r.decision.at)}</div>
                  {r.decision.comment && <div className="comment-text">“{r.decision.comment}”</div>}
                </>
              )}
              {r.batchNo && <div className="mono small">{r.batchNo}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
