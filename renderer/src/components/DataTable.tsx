import { useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'
import './DataTable.css'

/** The data-* attributes tests and styles read (a row's test id, status, overdue flag). */
type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined }
type CellAttributes = TdHTMLAttributes<HTMLTableCellElement> & ThHTMLAttributes<HTMLTableCellElement> & DataAttributes

export interface Column<R> {
  /** Names the column among its table's (the React key). */
  id: string
  /** The header's text, by message key; `head` instead when it is no text (a select-all box, '#', a candidate's number). */
  header?: MessageKey
  head?: ReactNode
  /** The header cell's own attributes: its class, its title. */
  th?: ThHTMLAttributes<HTMLTableCellElement>
  /** Its cells name their rows (`<th scope="row">`), as a field's label does in a comparison. */
  rowHeader?: boolean
  /** A fixed width (`'16%'`), for a table that must fit its panel; any width gives the table a colgroup. */
  width?: string
  /** What the cell shows; `at` is the row's place in the table, from 0 (for a '#' column). */
  cell(row: R, at: number): ReactNode
  /** The cell's own attributes: its class, title, test id; a `colSpan` covers the columns after it. */
  td?(row: R): CellAttributes
}

export interface DataTableProps<R> {
  rows: readonly R[]
  /** `false` leaves a column out (one that only supervisors, or only some views, show). */
  columns: readonly (Column<R> | false)[]
  rowKey(row: R): string | number
  /** Classes besides `data`. */
  className?: string
  testId?: string
  /** Shown, muted, instead of a table without rows. */
  empty?: MessageKey
  /** The row's own attributes: its test id, status, class. */
  rowAttributes?(row: R): HTMLAttributes<HTMLTableRowElement> & DataAttributes
  /** Rows can be opened: each takes the focus, and a click or Enter opens it. */
  onOpen?(row: R): void
  /** The active row (the one opened beside the table), marked for assistive technology (aria-selected). */
  isSelected?(row: R): boolean
  /** j/k or ↓/↑ move the focus to the next or previous row, so a queue is worked from the keys alone. */
  moveKeys?: boolean
}

/** Where a key moves the focus from row `at` of `count`: the next or previous row, kept inside the table; null for other keys. */
export function movedTo(key: string, at: number, count: number): number | null {
  const step = key === 'ArrowDown' || key === 'j' ? 1 : key === 'ArrowUp' || key === 'k' ? -1 : 0
  return step === 0 ? null : Math.min(Math.max(at + step, 0), count - 1)
}

/** A row's cells: a cell spanning columns takes the place of those it covers. */
function cells<R>(columns: readonly Column<R>[], row: R, at: number): ReactNode[] {
  const out: ReactNode[] = []
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as Column<R>
    const attributes = c.td?.(row)
    out.push(
      c.rowHeader ? (
        <th key={c.id} scope="row" {...attributes}>
          {c.cell(row, at)}
        </th>
      ) : (
        <td key={c.id} {...attributes}>
          {c.cell(row, at)}
        </td>
      )
    )
    i += Math.max((attributes?.colSpan ?? 1) - 1, 0)
  }
  return out
}

/**
 * The app's one data table: a header row of column names, a row per item. It keeps the
 * plain table semantics (rows, column and row headers, aria-selected) that screen readers
 * and the browser tests rely on; pages say only what each column shows. A table whose
 * columns have no headers (a list of figures, each row named by its first cell) has no
 * header row.
 */
export function DataTable<R>(props: DataTableProps<R>) {
  const { t } = useI18n()
  const { rows, rowKey, onOpen, isSelected, moveKeys, rowAttributes } = props
  // The rows in order, so a key can move the focus to a neighbour without asking the DOM.
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([])
  if (rows.length === 0 && props.empty) return <p className="muted">{t(props.empty)}</p>
  const columns = props.columns.filter((c): c is Column<R> => c !== false)
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: R, at: number) => {
    // Keys typed into a control inside the row are that control's.
    if (e.target !== e.currentTarget) return
    const to = moveKeys ? movedTo(e.key, at, rows.length) : null
    if (to !== null) rowRefs.current[to]?.focus()
    else if (e.key === 'Enter') onOpen?.(row)
    else return
    e.preventDefault()
  }
  return (
    <table className={props.className ? `data ${props.className}` : 'data'} data-testid={props.testId}>
      {columns.some((c) => c.width) && (
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
      )}
      {columns.some((c) => c.header || c.head !== undefined) && (
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} {...c.th}>
                {c.header ? t(c.header) : c.head}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row, at) => (
          <tr
            key={rowKey(row)}
            {...(moveKeys
              ? {
                  ref: (el: HTMLTableRowElement | null) => {
                    rowRefs.current[at] = el
                  }
                }
              : {})}
            {...rowAttributes?.(row)}
            {...(onOpen || moveKeys ? { tabIndex: 0 } : {})}
            {...(onOpen ? { onClick: () => onOpen(row) } : {})}
            {...(onOpen || moveKeys ? { onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(e, row, at) } : {})}
            {...(isSelected ? { 'aria-selected': isSelected(row) } : {})}
          >
            {cells(columns, row, at)}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
