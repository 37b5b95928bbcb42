import type { HTMLAttributes, KeyboardEvent, ReactNode, TdHTMLAttributes } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'

/** The data-* attributes tests and styles read (a row's test id, status, overdue flag). */
type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined }

export interface Column<R> {
  /** Names the column among its table's (the React key). */
  id: string
  /** The header's text, by message key; `head` instead when it is no text (a select-all box, '#', nothing). */
  header?: MessageKey
  head?: ReactNode
  cell(row: R): ReactNode
  /** The cell's own attributes: its class, title, test id. */
  td?(row: R): TdHTMLAttributes<HTMLTableCellElement> & DataAttributes
}

export interface DataTableProps<R> {
  rows: readonly R[]
  /** `false` leaves a column out (one that only supervisors, or only some views, show). */
  columns: readonly (Column<R> | false)[]
  rowKey(row: R): string | number
  /** Classes besides `data`. */
  className?: string
  testId?: string
  /** The row's own attributes: its test id, status, class. */
  rowAttributes?(row: R): HTMLAttributes<HTMLTableRowElement> & DataAttributes
  /** Rows can be opened: each takes the focus, and a click or Enter opens it. */
  onOpen?(row: R): void
  /** Marks the chosen row for assistive technology (aria-selected). */
  isSelected?(row: R): boolean
  /** Other keys on a focused row (j/k moving); one that prevents the default is not also an Enter to open. */
  onRowKeyDown?(e: KeyboardEvent<HTMLTableRowElement>, row: R): void
}

/**
 * The app's one data table: a header row of column names, a row per item. It keeps the
 * plain table semantics (rows, column headers, aria-selected) that screen readers and the
 * browser tests rely on; pages say only what each column shows.
 */
export function DataTable<R>(props: DataTableProps<R>) {
  const { t } = useI18n()
  const { rows, rowKey, onOpen, isSelected, onRowKeyDown, rowAttributes } = props
  const columns = props.columns.filter((c): c is Column<R> => c !== false)
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, row: R) => {
    onRowKeyDown?.(e, row)
    if (!e.defaultPrevented && e.key === 'Enter') onOpen?.(row)
  }
  return (
    <table className={props.className ? `data ${props.className}` : 'data'} data-testid={props.testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id}>{c.header ? t(c.header) : c.head}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            {...rowAttributes?.(row)}
            {...(onOpen ? { tabIndex: 0, onClick: () => onOpen(row) } : {})}
            {...(onOpen || onRowKeyDown ? { onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(e, row) } : {})}
            {...(isSelected ? { 'aria-selected': isSelected(row) } : {})}
          >
            {columns.map((c) => (
              <td key={c.id} {...c.td?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
