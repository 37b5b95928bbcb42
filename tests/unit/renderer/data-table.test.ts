import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DataTable, movedTo, type DataTableProps } from '../../../renderer/src/components/DataTable.tsx'
import { I18nProvider } from '../../../renderer/src/i18n/i18n.tsx'

interface Dose {
  id: number
  site: string
  date: string
}
const DOSES: Dose[] = [
  { id: 7, site: 'Trạm Y tế Tân Lập', date: '2021-08-01' },
  { id: 9, site: 'Bệnh viện huyện', date: '2021-10-15' }
]

// The provider reads the chosen language from the browser's storage; Node has none, so the
// test gives it one that says English (effects, which would write it back, do not run here).
const hadStorage = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')
beforeAll(() => {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: (key: string) => (key === 'vaxrecon.lang' ? 'en' : null) }
  })
})
afterAll(() => {
  if (hadStorage) Object.defineProperty(globalThis, 'localStorage', hadStorage)
  else Reflect.deleteProperty(globalThis, 'localStorage')
})

/** The table as the page's HTML, rendered by React in English. */
const html = <R>(props: DataTableProps<R>): string =>
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(DataTable<R>, props)))

describe('the one data table', () => {
  test('a header per column, by message key or as given, and a row per item with its cells, attributes and keys', () => {
    const out = html<Dose>({
      rows: DOSES,
      rowKey: (d) => d.id,
      testId: 'doses',
      className: 'compact',
      rowAttributes: (d) => ({ 'data-testid': `dose-${d.id}` }),
      columns: [
        { id: 'n', head: '#', cell: (_, at) => at + 1 },
        { id: 'site', header: 'review.person.site', cell: (d) => d.site, td: (d) => ({ className: 'clip', title: d.site }) },
        false,
        { id: 'date', header: 'review.person.date', cell: (d) => d.date, td: () => ({ className: 'date' }) }
      ]
    })
    expect(out).toBe(
      '<table class="data compact" data-testid="doses">' +
        '<thead><tr><th>#</th><th>Site</th><th>Date</th></tr></thead>' +
        '<tbody>' +
        '<tr data-testid="dose-7"><td>1</td><td class="clip" title="Trạm Y tế Tân Lập">Trạm Y tế Tân Lập</td><td class="date">2021-08-01</td></tr>' +
        '<tr data-testid="dose-9"><td>2</td><td class="clip" title="Bệnh viện huyện">Bệnh viện huyện</td><td class="date">2021-10-15</td></tr>' +
        '</tbody></table>'
    )
  })

  test('without rows it says so instead of drawing an empty table; without that message it keeps the bare header', () => {
    const columns = [{ id: 'site', header: 'review.person.site' as const, cell: (d: Dose) => d.site }]
    expect(html<Dose>({ rows: [], rowKey: (d) => d.id, columns, empty: 'review.candidates.queueEmpty' })).toBe(
      '<p class="muted">Nobody is waiting for a person.</p>'
    )
    expect(html<Dose>({ rows: [], rowKey: (d) => d.id, columns })).toBe(
      '<table class="data"><thead><tr><th>Site</th></tr></thead><tbody></tbody></table>'
    )
  })

  test('a row-header column gives <th scope="row">; with no column headers at all there is no header row', () => {
    const out = html<Dose>({
      rows: DOSES.slice(0, 1),
      rowKey: (d) => d.id,
      columns: [
        { id: 'site', rowHeader: true, cell: (d) => d.site },
        { id: 'date', cell: (d) => d.date }
      ]
    })
    expect(out).toBe('<table class="data"><tbody><tr><th scope="row">Trạm Y tế Tân Lập</th><td>2021-08-01</td></tr></tbody></table>')
  })

  test('a cell spanning columns takes their place; widths give a colgroup; header cells take their own attributes', () => {
    const out = html<Dose>({
      rows: DOSES,
      rowKey: (d) => d.id,
      columns: [
        { id: 'site', header: 'review.person.site', width: '40%', th: { title: 'where' }, cell: (d) => d.site },
        { id: 'date', header: 'review.person.date', cell: (d) => d.date, td: (d) => (d.id === 9 ? { colSpan: 2 } : {}) },
        { id: 'more', head: '…', cell: () => 'x' }
      ]
    })
    expect(out).toContain('<colgroup><col style="width:40%"/><col/><col/></colgroup>')
    expect(out).toContain('<th title="where">Site</th>')
    expect(out).toContain('<tr><td>Trạm Y tế Tân Lập</td><td>2021-08-01</td><td>x</td></tr>')
    expect(out).toContain('<tr><td>Bệnh viện huyện</td><td colSpan="2">2021-10-15</td></tr>')
  })

  test('the active row alone is aria-selected, and openable rows take the focus', () => {
    const out = html<Dose>({
      rows: DOSES,
      rowKey: (d) => d.id,
      columns: [{ id: 'site', cell: (d) => d.site }],
      onOpen: () => undefined,
      isSelected: (d) => d.id === 9,
      moveKeys: true
    })
    expect(out).toBe(
      '<table class="data"><tbody>' +
        '<tr tabindex="0" aria-selected="false"><td>Trạm Y tế Tân Lập</td></tr>' +
        '<tr tabindex="0" aria-selected="true"><td>Bệnh viện huyện</td></tr>' +
        '</tbody></table>'
    )
    expect(html<Dose>({ rows: DOSES, rowKey: (d) => d.id, columns: [{ id: 'site', cell: (d) => d.site }] })).not.toMatch(
      /tabindex|aria-selected/
    )
  })

  test('j/k and the arrows move to the next or previous row and stop at either end; other keys do not move', () => {
    expect(movedTo('j', 0, 3)).toBe(1)
    expect(movedTo('ArrowDown', 1, 3)).toBe(2)
    expect(movedTo('j', 2, 3)).toBe(2)
    expect(movedTo('k', 2, 3)).toBe(1)
    expect(movedTo('ArrowUp', 0, 3)).toBe(0)
    expect(movedTo('Enter', 1, 3)).toBeNull()
    expect(movedTo('x', 1, 3)).toBeNull()
  })
})
