import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { CandidatesPanel } from './CandidatesPanel.tsx'
import { NotInRegistryBar } from './NotInRegistryBar.tsx'
import { formatDateValue, formatNumber } from '../../format/format.ts'

type Queue = Res<'review:candidateQueue'>
type Item = Queue['items'][number]
type Status = NonNullable<Req<'review:candidateQueue'>['statuses']>[number]
const PAGE = 100
const STATUSES: Status[] = ['review', 'none', 'rejected']
const keyOf = (i: Item): string => `${i.subject.kind}-${i.subject.id}`

/**
 * Subjects waiting for a person: links in the review band, and rows without a link (or
 * unlinked by a clerk), searchable and filtered. Keys alone finish it: j/k or ↓/↑ move,
 * Enter opens the candidates, 1–9 or 0 decide, and the next subject opens by itself.
 */
export function CandidateQueue({ onChanged, onError }: { onChanged(): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const [selected, setSelected] = useState<Item | null>(null)
  const [message, setMessage] = useState('')
  const [search, setSearch] = useState('')
  const [asked, setAsked] = useState('')
  const [status, setStatus] = useState<Status | ''>('')
  const table = useRef<HTMLTableElement>(null)
  useEffect(() => {
    const id = setTimeout(() => setAsked(search), 250)
    return () => clearTimeout(id)
  }, [search])
  const waiting = useQuery(
    'review:candidateQueue',
    { offset: 0, limit: PAGE, search: asked, statuses: status ? [status] : [] },
    { onError }
  )
  const queue = waiting.data
  const load = waiting.refetch
  const move = (e: KeyboardEvent<HTMLTableRowElement>, i: Item) => {
    const rows = [...(table.current?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])]
    const at = rows.indexOf(e.currentTarget)
    const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0
    if (e.key === 'Enter') setSelected(i)
    else if (step !== 0) rows[Math.min(Math.max(at + step, 0), rows.length - 1)]?.focus()
    else return
    e.preventDefault()
  }
  if (!queue) return null
  return (
    <div className="candidate-queue" data-testid="candidate-queue">
      <div>
        <div className="queue-filters">
          <input
            type="search"
            value={search}
            placeholder={t('review.search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="queue-search"
          />
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')} data-testid="queue-status">
            <option value="">{t('review.candidates.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`review.candidates.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          <span className="muted">{fill(t('review.candidates.queue'), { n: formatNumber(queue.total, lang) })}</span>
        </div>
        <NotInRegistryBar
          onDone={(m) => {
            setMessage(m)
            setSelected(null)
            onChanged()
            void load()
          }}
          onError={onError}
        />
        {message && (
          <p role="status" className="review-message" data-testid="queue-message">
            {message}
          </p>
        )}
        {queue.items.length === 0 ? (
          <p className="muted">{t('review.candidates.queueEmpty')}</p>
        ) : (
          <table className="data" ref={table} data-testid="queue-table">
            <thead>
              <tr>
                <th>{t('review.id.name')}</th>
                <th>{t('review.id.dob')}</th>
                <th>{t('review.person.site')}</th>
                <th>{t('review.col.status')}</th>
                <th>{t('review.candidates.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((i) => (
                <tr
                  key={keyOf(i)}
                  tabIndex={0}
                  aria-selected={selected !== null && keyOf(selected) === keyOf(i)}
                  data-testid={`queue-${i.subject.kind}-${i.subject.id}`}
                  onClick={() => setSelected(i)}
                  onKeyDown={(e) => move(e, i)}
                >
                  <td>{i.fullName}</td>
                  <td className="date">{formatDateValue(i.dob)}</td>
                  <td className="clip" title={i.siteName}>
                    {i.siteName}
                  </td>
                  <td>{t(`review.candidates.status.${i.status}` as MessageKey) ?? i.status}</td>
                  <td>{i.topWeight === null ? '' : `${formatNumber(i.topWeight, lang, 1)} (${formatNumber(i.candidates, lang)})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {selected && (
        <CandidatesPanel
          key={keyOf(selected)}
          subject={selected.subject}
          onPicked={async (warning) => {
            setMessage(`${t('review.done.link')} ${warning}`.trim())
            onChanged()
            const q = await load()
            setSelected(q?.items[0] ?? null)
          }}
          onError={onError}
        />
      )}
    </div>
  )
}
