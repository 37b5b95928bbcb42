import type { CustomCellRendererProps } from 'ag-grid-react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { Highlighted } from '../../components/Highlighted.tsx'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatFieldValue, formattedRanges } from '../../format/format.ts'
import { diffDetailLabel } from '../../i18n/labels.ts'

export type GridRow = Res<'review:page'>['rows'][number]
export type ReviewField = keyof GridRow['cells']

/**
 * One field of one row: the site value above the registry value, the differing
 * characters marked, the class as the cell's colour, and what was decided.
 */
export function DiffCell(props: CustomCellRendererProps<GridRow> & { field: ReviewField }) {
  const { t, lang } = useI18n()
  const cell = props.data?.cells[props.field]
  if (!cell) return null
  const empty = t('review.cell.empty')
  const show = (v: string | null) => (v === null ? null : formatFieldValue(props.field, v, lang))
  const marks = (v: string | null, ranges: readonly (readonly [number, number])[]) => formattedRanges(props.field, v, ranges, lang)
  const [first, ...others] = cell.variants
  if (!first) {
    return (
      <div className="diff-cell agree" data-testid={`cell-${props.field}`} data-class="none">
        <span className="muted">{show(cell.registry) ?? ''}</span>
      </div>
    )
  }
  const decided = first.status !== 'open'
  const title = [t(`review.class.${first.class}` as MessageKey), first.detail ? diffDetailLabel(t, first.detail) : null, first.note]
    .filter(Boolean)
    .join(' · ')
  return (
    <div
      className={`diff-cell cls-${first.class} st-${first.status}`}
      data-testid={`cell-${props.field}`}
      data-class={first.class}
      data-status={first.status}
      title={title}
    >
      <div className="diff-site" aria-label={t('review.cell.site')}>
        <Highlighted text={show(first.site)} ranges={marks(first.site, first.highlight.site)} empty={empty} />
        {first.rows > 1 && <span className="diff-badge">{fill(t('review.cell.rows'), { n: first.rows })}</span>}
        {others.length > 0 && <span className="diff-badge">+{others.length}</span>}
      </div>
      <div className="diff-registry" aria-label={t('review.cell.registry')}>
        {decided ? (
          <span className="diff-decided">
            {`✓ ${t(`review.diffStatus.${first.status}` as MessageKey)}`}
            {first.proposed !== null ? ` → ${show(first.proposed)}` : ''}
          </span>
        ) : (
          <Highlighted text={show(cell.registry)} ranges={marks(cell.registry, first.highlight.registry)} empty={empty} />
        )}
      </div>
    </div>
  )
}
