import { useMemo, useState } from 'react'
import type { Req } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { useCurrentUser } from '../users/session.tsx'
import { ProposalTable } from './ProposalTable.tsx'
import { formatNumber } from '../../format/format.ts'
import { fieldLabel } from '../../i18n/labels.ts'
import './approve.css'

type Filter = Req<'approve:list'>['filter']
type Kind = NonNullable<Filter['kinds']>[number]
type Tab = 'proposed' | 'approved' | 'rejected' | 'exported' | 'mine'

const PAGE = 100
const NONE: ReadonlySet<number> = new Set()
const KINDS: Kind[] = ['formatting', 'minor', 'conflict', 'missing', 'manual']
const SUPERVISOR_TABS: Tab[] = ['proposed', 'approved', 'rejected', 'exported', 'mine']
const CLERK_TABS: Tab[] = ['mine', 'rejected', 'approved', 'exported']

/**
 * The approval queue. Supervisors see what others proposed and decide, one by one or in
 * bulk on the filter; clerks follow their own proposals (a rejection comes back here
 * with its comment) and are offered no decision at all. Core enforces the same rules.
 */
export function ApprovePage({ refresh, onError }: PageProps) {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const supervisor = me.role === 'supervisor'
  const tabs = supervisor ? SUPERVISOR_TABS : CLERK_TABS
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'mine')
  const [kind, setKind] = useState<Kind | ''>('')
  const [field, setField] = useState('')
  const [comment, setComment] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [confirmAll, setConfirmAll] = useState<number | null>(null)

  const filter = useMemo<Filter>(() => {
    const base: Filter = { kinds: kind ? [kind] : undefined, fields: field ? [field] : undefined }
    if (tab === 'mine') return { ...base, status: ['proposed', 'approved', 'rejected', 'exported'], proposedBy: me.id }
    // A clerk's view of any state is their own proposals; a supervisor's queue leaves out their own.
    return { ...base, status: [tab], proposedBy: supervisor ? undefined : me.id, excludeMine: supervisor && tab === 'proposed' }
  }, [tab, kind, field, me.id, supervisor])

  const list = useQuery('approve:list', { filter, offset: 0, limit: PAGE }, { onError })
  const page = list.data
  const more = (offset: number) =>
    call('approve:list', { filter, offset, limit: PAGE }).then(
      (next) => list.setData((prev) => (prev ? { ...next, rows: [...prev.rows, ...next.rows] } : next)),
      onError
    )
  // A selection belongs to the list it was made in: another filter, or the list reloaded, starts with none.
  const [picked, setPicked] = useState<{ in: Filter; ids: ReadonlySet<number> }>({ in: filter, ids: NONE })
  const selected = picked.in === filter ? picked.ids : NONE
  const setSelected = (ids: ReadonlySet<number>) => setPicked({ in: filter, ids })

  const decide = async (verdict: 'approve' | 'reject' | 'withdraw', selection: Req<'approve:decide'>['selection']) => {
    try {
      const r = await call('approve:decide', { verdict, selection, comment })
      setNotice(
        [
          fill(t(`approve.done.${verdict}`), { n: formatNumber(r.applied, lang) }),
          r.skippedOwn ? fill(t('approve.skippedOwn'), { n: formatNumber(r.skippedOwn, lang) }) : ''
        ]
          .join(' ')
          .trim()
      )
      setComment('')
      setConfirmAll(null)
      refresh()
      await list.refetch()
      setSelected(NONE)
    } catch (e) {
      onError(e)
    }
  }
  const previewAll = async () => {
    try {
      setConfirmAll((await call('approve:preview', { verdict: 'approve', selection: { filter } })).applied)
    } catch (e) {
      onError(e)
    }
  }

  const ids = [...selected]
  const canDecide = supervisor && (tab === 'proposed' || tab === 'approved')
  const fields = Object.keys(page?.counts.byField ?? {}).sort()
  return (
    <section>
      <StepIntro step="approve" />
      {!supervisor && (
        <p className="muted" data-testid="clerk-note">
          {t('approve.clerkNote')}
        </p>
      )}
      <div className="tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} data-testid={`approve-tab-${x}`} onClick={() => setTab(x)}>
            {t(`approve.tab.${x}` as MessageKey)}
          </button>
        ))}
      </div>
      <div className="filters">
        <label>
          {t('approve.filter.kind')}{' '}
          <select data-testid="approve-filter-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">{t('approve.filter.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`approve.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('approve.filter.field')}{' '}
          <select data-testid="approve-filter-field" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('approve.filter.all')}</option>
            {[...new Set([...fields, field].filter((f) => f !== ''))].map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="approve-total">
          {t('approve.total')}: {page?.total ?? 0}
        </span>
      </div>
      {supervisor && tab === 'proposed' && <p className="muted small">{t('approve.ownNote')}</p>}
      {notice && (
        <p role="status" className="notice" data-testid="approve-notice">
          {notice}
        </p>
      )}
      {canDecide && (
        <div className="decision-bar">
          <label className="comment">
            {t('approve.comment')}
            <textarea data-testid="approve-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <span className="muted">
            {t('approve.selected')}: {ids.length}
          </span>
          {tab === 'proposed' ? (
            <>
              <button
                type="button"
                className="primary"
                data-testid="approve-selected"
                disabled={ids.length === 0}
                onClick={() => void decide('approve', { ids })}
              >
                {t('approve.approveSelected')}
              </button>
              <button
                type="button"
                data-testid="reject-selected"
                disabled={ids.length === 0 || !comment.trim()}
                onClick={() => void decide('reject', { ids })}
              >
                {t('approve.rejectSelected')}
              </button>
              <button type="button" data-testid="approve-all" disabled={(page?.total ?? 0) === 0} onClick={() => void previewAll()}>
                {t('approve.approveAll')}
              </button>
            </>
          ) : (
            <button
              type="button"
              data-testid="withdraw-selected"
              disabled={ids.length === 0 || !comment.trim()}
              onClick={() => void decide('withdraw', { ids })}
            >
              {t('approve.withdrawSelected')}
            </button>
          )}
        </div>
      )}
      {confirmAll !== null && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-all-text" data-testid="confirm-all">
          <span id="confirm-all-text">{fill(t('approve.confirmAll'), { n: formatNumber(confirmAll, lang) })}</span>
          <button
            type="button"
            className="primary"
            data-testid="confirm-all-yes"
            autoFocus
            onClick={() => void decide('approve', { filter })}
          >
            {t('approve.confirm')}
          </button>
          <button type="button" onClick={() => setConfirmAll(null)}>
            {t('approve.cancel')}
          </button>
        </div>
      )}
      <ProposalTable rows={page?.rows ?? []} selectable={canDecide} selected={selected} onSelect={setSelected} />
      {page && page.rows.length < page.total && (
        <button type="button" onClick={() => void more(page.rows.length)}>
          {t('approve.more')}
        </button>
      )}
    </section>
  )
}
