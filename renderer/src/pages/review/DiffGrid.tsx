import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridApi,
  type IDatasource,
  type RowClassRules
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useMemo } from 'react'
import type { Req } from '../../../../main/ipc/contract.ts'
import { REVIEW_FIELDS } from '../../../../main/ipc/shared-values.ts'
import { call } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { DiffCell, type GridRow, type ReviewField } from './DiffCell.tsx'
import type { Filter } from './Facets.tsx'
import { formatNumber } from '../../format/format.ts'
import { gridLocaleText } from '../../i18n/grid-locale.ts'

ModuleRegistry.registerModules([AllCommunityModule])

// The Theming API injects its CSS inline (the CSP allows inline styles); the app's font is used, nothing is fetched.
const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  accentColor: '#0b6e4f',
  headerFontWeight: 600,
  spacing: 5,
  wrapperBorderRadius: 6
})

export const FIELDS: ReviewField[] = [...REVIEW_FIELDS]
type SortColumn = NonNullable<Req<'review:page'>['sort']>['column']
const SORTABLE: readonly string[] = ['name', 'site', 'weight', 'status', 'open'] satisfies SortColumn[]

const rowClassRules: RowClassRules<GridRow> = {
  'row-done': (p) => p.data?.status === 'done',
  'row-deferred': (p) => p.data?.status === 'deferred',
  'row-unlinked': (p) => p.data?.status === 'unlinked',
  'row-review-band': (p) => p.data?.band === 'review'
}

export interface FocusedCell {
  rowIndex: number
  colId: string
}

/**
 * The review grid: ag-grid's Infinite Row Model, every block fetched over IPC already
 * sorted and filtered by core, so a million rows scroll like a hundred.
 */
export function DiffGrid(props: {
  filter: Filter
  view: number
  onReady(api: GridApi<GridRow>): void
  onFocus(cell: FocusedCell | null): void
  onLoaded(rowCount: number): void
  onError(e: unknown): void
}) {
  const { t, lang } = useI18n()
  const { filter, view, onLoaded, onError } = props
  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () => [
      {
        colId: 'name',
        field: 'fullName',
        headerName: t('review.col.name'),
        width: 170,
        sortable: true,
        pinned: 'left',
        cellClass: 'name-cell'
      },
      {
        colId: 'status',
        headerName: t('review.col.status'),
        width: 100,
        sortable: true,
        valueGetter: (p) => (p.data ? t(`review.status.${p.data.status}` as MessageKey) : ''),
        cellClass: (p) => `status-cell st-${p.data?.status ?? ''}`
      },
      ...FIELDS.map<ColDef<GridRow>>((f) => ({
        colId: f,
        headerName: t(`review.field.${f}` as MessageKey),
        // Name, status and the first three fields fit beside an open panel on a 1366 px screen.
        width: f === 'address' ? 300 : f === 'full_name' ? 170 : f === 'gender' ? 90 : f === 'dob' ? 115 : 150,
        sortable: false,
        cellRenderer: DiffCell,
        cellRendererParams: { field: f }
      })),
      { colId: 'site', field: 'siteName', headerName: t('review.col.site'), width: 170, sortable: true },
      {
        colId: 'weight',
        field: 'matchWeight',
        headerName: t('review.col.weight'),
        width: 140,
        sortable: true,
        cellClass: (p) => `weight-cell band-${p.data?.band ?? ''}`,
        valueFormatter: (p) =>
          p.data ? `${formatNumber(p.data.matchWeight, lang, 1)} · ${t(`review.band.${p.data.band}` as MessageKey)}` : ''
      }
    ],
    [t, lang]
  )
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        const s = p.sortModel[0]
        const sort = s && SORTABLE.includes(s.colId) ? { column: s.colId as SortColumn, dir: s.sort } : null
        call('review:page', { filter, view, sort, startRow: p.startRow, endRow: p.endRow }).then(
          (r) => {
            p.successCallback(r.rows, r.rowCount)
            onLoaded(r.rowCount)
          },
          (e: unknown) => {
            onError(e)
            p.failCallback()
          }
        )
      }
    }),
    [filter, view, onLoaded, onError]
  )
  return (
    <div className="diff-grid" data-testid="review-grid">
      <AgGridReact<GridRow>
        theme={theme}
        rowModelType="infinite"
        datasource={datasource}
        columnDefs={columnDefs}
        // localeText is read when the grid is made: a new language makes a new grid.
        key={lang}
        localeText={gridLocaleText(lang)}
        cacheBlockSize={100}
        maxBlocksInCache={200}
        maxConcurrentDatasourceRequests={2}
        infiniteInitialRowCount={1}
        rowHeight={54}
        getRowId={(p) => String(p.data.linkId)}
        rowClassRules={rowClassRules}
        onGridReady={(e) => props.onReady(e.api)}
        onCellFocused={(e) => {
          const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null)
          props.onFocus(e.rowIndex === null || colId === null ? null : { rowIndex: e.rowIndex, colId })
        }}
      />
    </div>
  )
}
