import type { GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { CandidatesPanel } from './CandidatesPanel.tsx'
import type { GridRow, ReviewField } from './DiffCell.tsx'
import { DiffGrid, FIELDS, type FocusedCell } from './DiffGrid.tsx'
import { DecisionDialogs, type Action, type DialogState } from './DecisionDialogs.tsx'
import { Facets, type Filter } from './Facets.tsx'
import { PersonPanel } from './PersonPanel.tsx'
import { ReviewToolbar } from './ReviewToolbar.tsx'
import { SideDrawer } from './SideDrawer.tsx'
import { useDocumentKeys } from './useDocumentKeys.ts'
import { formatNumber } from '../../format/format.ts'
import { decisionText } from '../../i18n/labels.ts'

export const EMPTY_FILTER: Filter = { classes: [], fields: [], sites: [], statuses: ['open'], bands: [], kinds: [], search: '' }

const isField = (colId: string): colId is ReviewField => (FIELDS as string[]).includes(colId)

/**
 * The clerk's working view: facets on the left, the grid, the decision toolbar, and a
 * side panel (candidates or the person's doses). Everything works from the keyboard; the
 * keys are listed in the toolbar and in the help (?).
 */
export function DiffsView({
  onChanged,
  onError,
  statuses
}: {
  onChanged(): void
  onError(e: unknown): void
  /** The row statuses to open on (the open rows by default). */
  statuses?: Filter['statuses']
}) {
  const { t, pick, lang } = useI18n()
  const apiRef = useRef<GridApi<GridRow> | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const [filter, setFilter] = useState<Filter>(statuses ? { ...EMPTY_FILTER, statuses } : EMPTY_FILTER)
  const [search, setSearch] = useState('')
  const [view, setView] = useState(1)
  const [rowCount, setRowCount] = useState<number | null>(null)
  const [focused, setFocused] = useState<FocusedCell | null>(null)
  const [dialog, setDialog] = useState<DialogState>(null)
  const [panel, setPanel] = useState<{ kind: 'candidates' | 'person'; row: GridRow } | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const counted = useQuery('review:facets', { filter }, { onError })
  const facets = counted.data
  const loadFacets = counted.refetch
  // Facets scan the whole table: after decisions they are counted again once the clerk pauses.
  const facetTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const recountSoon = () => {
    if (facetTimer.current) clearTimeout(facetTimer.current)
    facetTimer.current = setTimeout(() => void loadFacets(), 1500)
  }
  useEffect(() => () => void (facetTimer.current && clearTimeout(facetTimer.current)), [])
  // The search box narrows the grid once typing pauses.
  useEffect(() => {
    const id = setTimeout(() => setFilter((f) => (f.search === search ? f : { ...f, search })), 250)
    return () => clearTimeout(id)
  }, [search])
  // The first row is focused as soon as a view loads, so the keys work straight away.
  const wantFocus = useRef(true)
  const loaded = useCallback((n: number) => {
    setRowCount(n)
    if (wantFocus.current && n > 0) {
      wantFocus.current = false
      // Never take the caret from a field the clerk is typing in.
      if (!document.activeElement?.closest('input, select, textarea, dialog')) apiRef.current?.setFocusedCell(0, 'name')
    }
  }, [])
  const newView = () => {
    wantFocus.current = true
    setView((v) => v + 1)
  }
  const changeFilter = (f: Filter) => {
    setFilter(f)
    newView()
  }

  // The grid is asked where its focus is: keys pressed in quick succession must not act on
  // the cell React last rendered.
  const focusedNow = (): FocusedCell | null => {
    const c = apiRef.current?.getFocusedCell()
    // After a click elsewhere the grid may have let its cell go: the last one it reported stands.
    return c ? { rowIndex: c.rowIndex, colId: c.column.getColId() } : focused
  }
  const current = (): { row: GridRow; field: ReviewField | null; cell: FocusedCell } | null => {
    const at = focusedNow()
    if (!at) return null
    const row = apiRef.current?.getDisplayedRowAtIndex(at.rowIndex)?.data
    return row ? { row, field: isField(at.colId) ? at.colId : null, cell: at } : null
  }
  const refocus = (rowIndex: number | undefined = focusedNow()?.rowIndex, colId: string | undefined = focusedNow()?.colId) => {
    const api = apiRef.current
    if (!api || rowIndex === undefined || colId === undefined) return
    api.ensureIndexVisible(rowIndex)
    api.setFocusedCell(rowIndex, colId)
  }
  const afterChange = (text: string, advance: boolean) => {
    setMessage(text)
    apiRef.current?.refreshInfiniteCache()
    recountSoon()
    onChanged()
    const at = focusedNow()
    if (at) refocus(advance && rowCount !== null ? Math.min(at.rowIndex + 1, rowCount - 1) : at.rowIndex, at.colId)
  }
  const fail = (e: unknown) => {
    setMessage(e instanceof ApiError ? pick(e) : null)
    onError(e)
  }

  /** Resolves to the refusal's message when `inDialog` asks for it (the dialog shows it), else null. */
  const decide = async (
    action: Action,
    extra: { field?: ReviewField | null; value?: string; note?: string } = {},
    inDialog = false
  ): Promise<string | null> => {
    const c = current()
    if (!c) {
      setMessage(t('review.none'))
      return null
    }
    const field = extra.field === undefined ? c.field : extra.field
    // Cleared while the decision is saved, so the next message is never mistaken for the last one.
    setMessage(null)
    try {
      const r = await call('review:decide', {
        linkId: c.row.linkId,
        ...(field ? { field } : {}),
        action,
        ...(extra.value !== undefined ? { value: extra.value } : {}),
        note: extra.note ?? ''
      })
      const warnings = r.warnings.map((w) => pick(w)).join(' ')
      afterChange(
        `${fill(t('review.done.decision'), { n: formatNumber(r.diffs, lang), p: formatNumber(r.proposals, lang) })} ${warnings}`.trim(),
        !field
      )
    } catch (e) {
      if (inDialog && e instanceof ApiError) return pick(e)
      fail(e)
    }
    return null
  }
  const keep = () => {
    const c = current()
    if (!c) return setMessage(t('review.none'))
    const values = c.field ? c.row.cells[c.field].variants.map((v) => v.site).filter((v): v is string => v !== null) : []
    if (c.field && values.length > 1) setDialog({ kind: 'keep', field: c.field, values })
    else void decide('keep_site')
  }
  const edit = () => {
    const c = current()
    if (!c) return setMessage(t('review.none'))
    const field = c.field ?? FIELDS.find((f) => c.row.cells[f].variants.some((v) => v.status === 'open')) ?? 'full_name'
    const cell = c.row.cells[field]
    setDialog({ kind: 'edit', field, initial: cell.registry ?? cell.variants[0]?.site ?? '' })
  }
  const undo = async () => {
    setMessage(null)
    try {
      const r = await call('review:undo', {})
      afterChange(fill(t('review.done.undo'), { what: decisionText(t, lang, r) }), false)
      setPanel(null)
    } catch (e) {
      fail(e)
    }
  }
  const unlink = async (note: string) => {
    const c = current()
    if (!c) return
    setMessage(null)
    try {
      await call('review:unlink', { linkId: c.row.linkId, note })
      afterChange(t('review.done.link'), true)
    } catch (e) {
      fail(e)
    }
  }
  const openPanel = (kind: 'candidates' | 'person') => {
    const c = current()
    if (!c) return setMessage(t('review.none'))
    if (kind === 'person' && c.row.subjectKind !== 'person') return
    setPanel({ kind, row: c.row })
  }
  /** The grid's last focused cell gets the keys (the first row's name if none was). */
  const backToGrid = () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    const at = focusedNow()
    if (at) refocus(at.rowIndex, at.colId)
    else if (rowCount) refocus(0, 'name')
  }
  const closeDialog = () => {
    setDialog(null)
    refocus()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target instanceof Element ? e.target : null
    if (dialog || target?.closest('dialog')) return
    const typing = target?.closest('input:not([type=checkbox]):not([type=radio]), select, textarea') ?? null
    // Esc always brings the keys back to the grid: from the search box, a panel, a button.
    // A panel is closed too, unless the clerk was typing in it (what was typed stays).
    if (e.key === 'Escape') {
      if (panel && !typing?.closest('.review-side')) setPanel(null)
      e.preventDefault()
      backToGrid()
      return
    }
    // Anywhere else (a facet, a button, a panel) the shortcuts act on the grid's row.
    if (typing) return
    const ctrl = e.ctrlKey || e.metaKey
    const act: Record<string, () => void> = {
      a: () => void decide('accept_registry'),
      s: keep,
      e: edit,
      n: () => (current() ? setDialog({ kind: 'unlink' }) : setMessage(t('review.none'))),
      d: () => (current() ? setDialog({ kind: 'defer' }) : setMessage(t('review.none'))),
      u: () => void undo(),
      A: () => setDialog({ kind: 'bulk' }),
      c: () => openPanel('candidates'),
      p: () => openPanel('person'),
      r: newView,
      '/': () => searchRef.current?.focus(),
      '?': () => setDialog({ kind: 'help' }),
      j: () => {
        const at = focusedNow()
        if (at) refocus(Math.min(at.rowIndex + 1, (rowCount ?? 1) - 1), at.colId)
      },
      k: () => {
        const at = focusedNow()
        if (at) refocus(Math.max(at.rowIndex - 1, 0), at.colId)
      }
    }
    const handler = ctrl ? (e.key.toLowerCase() === 'z' ? act['u'] : undefined) : e.altKey ? undefined : act[e.key]
    if (!handler) return
    e.preventDefault()
    e.stopPropagation()
    handler()
  }

  // Listened to on the document, so the keys work wherever the focus was left (after a
  // click on a facet, a button or a panel); typing in a field or a dialog is never taken.
  useDocumentKeys(onKeyDown)

  const scope =
    focused && isField(focused.colId)
      ? fill(t('review.scope.cell'), { field: t(`review.field.${focused.colId}` as MessageKey) })
      : t('review.scope.row')
  const closePanel = () => {
    setPanel(null)
    backToGrid()
  }
  return (
    <div className={`review-view${panel ? ' with-panel' : ''}`} data-testid="review-view">
      <ReviewToolbar
        search={
          <input
            ref={searchRef}
            type="search"
            value={search}
            placeholder={t('review.search')}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => (e.key === 'Escape' || e.key === 'Enter') && refocus()}
            data-testid="review-search"
          />
        }
        count={
          <span className="muted review-count" data-testid="review-count">
            {rowCount === null ? '' : fill(t('review.rows'), { n: formatNumber(rowCount, lang) })}
          </span>
        }
        main={[
          { label: 'review.action.accept', keyHint: 'a', testId: 'act-accept', run: () => void decide('accept_registry') },
          { label: 'review.action.keep', keyHint: 's', testId: 'act-keep', run: () => keep() },
          { label: 'review.action.edit', keyHint: 'e', testId: 'act-edit', run: () => edit() },
          { label: 'review.action.unlink', keyHint: 'n', testId: 'act-unlink', run: () => setDialog({ kind: 'unlink' }) },
          { label: 'review.action.defer', keyHint: 'd', testId: 'act-defer', run: () => setDialog({ kind: 'defer' }) },
          { label: 'review.action.undo', keyHint: 'u', testId: 'act-undo', run: () => void undo() }
        ]}
        more={[
          { label: 'review.action.bulk', keyHint: '⇧A', testId: 'act-bulk', run: () => setDialog({ kind: 'bulk' }) },
          { label: 'review.action.candidates', keyHint: 'c', testId: 'act-candidates', run: () => openPanel('candidates') },
          { label: 'review.action.person', keyHint: 'p', testId: 'act-person', run: () => openPanel('person') },
          { label: 'review.refresh', keyHint: 'r', testId: 'act-refresh', run: () => newView() },
          { label: 'review.action.help', keyHint: '?', testId: 'act-help', run: () => setDialog({ kind: 'help' }) }
        ]}
        onMenuClosed={() => refocus()}
      />
      <div className="review-body">
        <Facets filter={filter} counts={facets} onChange={changeFilter} />
        <div className="review-main">
          <div className="review-status">
            <p className="review-message" role="status" data-testid="review-message">
              {message}
            </p>
            <span className="scope" data-testid="review-scope">
              {scope}
            </span>
          </div>
          <DiffGrid
            filter={filter}
            view={view}
            onReady={(api) => (apiRef.current = api)}
            onFocus={setFocused}
            onLoaded={loaded}
            onError={onError}
          />
        </div>
        {panel && (
          <SideDrawer onClose={closePanel}>
            {panel.kind === 'candidates' ? (
              <CandidatesPanel
                key={`${panel.row.subjectKind}-${panel.row.subjectId}`}
                subject={{ kind: panel.row.subjectKind, id: panel.row.subjectId }}
                onPicked={(warning) => {
                  setPanel(null)
                  afterChange(`${t('review.done.link')} ${warning}`.trim(), false)
                }}
                onError={fail}
              />
            ) : (
              <PersonPanel key={panel.row.subjectId} personId={panel.row.subjectId} onChanged={onChanged} onError={fail} />
            )}
          </SideDrawer>
        )}
      </div>
      <DecisionDialogs
        dialog={dialog}
        filter={filter}
        onCancel={closeDialog}
        decide={decide}
        unlink={unlink}
        saveEdit={async (field, value, note) => {
          // A refused value keeps the dialog open with what was typed and the reason inside it.
          const at = focused
          const refused = await decide('edit', { field, value, note }, true)
          if (refused === null) {
            setDialog(null)
            // Once the dialog has gone, the cell decided on gets the keys back.
            if (at) setTimeout(() => refocus(at.rowIndex, at.colId), 0)
          }
          return refused
        }}
        onBulkApplied={(r, rows) => {
          setDialog(null)
          setMessage(
            fill(t('review.done.bulk'), {
              n: formatNumber(r.diffs, lang),
              rows: formatNumber(rows, lang),
              p: formatNumber(r.proposals, lang)
            })
          )
          newView()
          void loadFacets()
          onChanged()
        }}
        onError={fail}
      />
    </div>
  )
}
