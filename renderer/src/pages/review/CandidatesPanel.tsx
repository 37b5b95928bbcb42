import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import type { Req } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { Waterfall } from '../link/Waterfall.tsx'
import { CandidateCompare } from './CandidateCompare.tsx'
import { IdentityCard } from './IdentityCells.tsx'
import { formatNumber } from '../../format/format.ts'

type Subject = Req<'review:candidates'>

/**
 * The registry persons the engine considered for a subject, strongest first, each with
 * its waterfall. The clerk picks one (keys 1–9) or says none of them (key 0).
 */
export function CandidatesPanel({
  subject,
  onPicked,
  onError
}: {
  subject: Subject
  onPicked(message: string): void
  onError(e: unknown): void
}) {
  const { t, pick: pickLang, lang } = useI18n()
  const panel = useQuery('review:candidates', subject, { onError }).data
  const root = useRef<HTMLElement>(null)
  useEffect(() => {
    if (panel) root.current?.focus()
  }, [panel])

  const pick = useCallback(
    async (registryRecordId: number | null) => {
      try {
        const r = await call('review:pick', { subject, registryRecordId, note: '' })
        onPicked(r.warnings.map((w) => pickLang(w)).join(' '))
      } catch (e) {
        onError(e)
      }
    },
    [subject, onPicked, onError, pickLang]
  )
  const onKeyDown = (e: KeyboardEvent) => {
    if (!panel || e.ctrlKey || e.metaKey || e.altKey || !/^[0-9]$/.test(e.key)) return
    e.preventDefault()
    const n = Number(e.key)
    if (n === 0) void pick(null)
    else {
      const c = panel.candidates[n - 1]
      if (c) void pick(c.recordId)
    }
  }
  if (!panel) return null
  return (
    <section className="side-panel candidates-panel" data-testid="candidates-panel" tabIndex={-1} ref={root} onKeyDown={onKeyDown}>
      <h3>{t('review.candidates.title')}</h3>
      <p className="muted small">{t('review.candidates.keys')}</p>
      {panel.hold && (
        <p className="hold" data-testid="candidates-hold">
          {t('review.candidates.hold')}: {t(`link.hold.${panel.hold}` as MessageKey)}
        </p>
      )}
      <h4>{t('review.candidates.rows')}</h4>
      {panel.rows.map((r) => (
        <IdentityCard
          key={r.recordId}
          p={r}
          className="subject"
          extra={[
            { label: t('review.person.site'), value: r.siteName },
            { label: t('review.id.source'), value: r.source }
          ]}
        />
      ))}
      {panel.candidates.length === 0 && <p className="muted">{t('review.candidates.empty')}</p>}
      <CandidateCompare panel={panel} />
      <ol className="candidates">
        {panel.candidates.map((c, i) => (
          <li
            key={c.recordId}
            data-testid={`candidate-${i + 1}`}
            data-record-id={c.recordId}
            className={c.current ? 'current' : c.rejected ? 'rejected' : undefined}
          >
            <header>
              <strong>
                {i + 1}. {c.fullName}
              </strong>
              <span className="weight">
                {t('review.candidates.weight')}:{' '}
                {c.matchWeight === null ? t('review.candidates.notScored') : formatNumber(c.matchWeight, lang, 1)}
              </span>
              {c.relation && (
                <span className="badge warn" data-testid={`candidate-relation-${i + 1}`}>
                  {t(`review.candidates.relation.${c.relation}`)}
                </span>
              )}
              {c.current && <span className="badge">{t('review.candidates.current')}</span>}
              {c.rejected && <span className="badge warn">{t('review.candidates.rejected')}</span>}
              <button type="button" className="primary" data-testid={`pick-${i + 1}`} onClick={() => void pick(c.recordId)}>
                {fill(t('review.candidates.pick'), { n: i + 1 })}
              </button>
            </header>
            <IdentityCard p={c} className="registry" />
            <Waterfall contributions={c.contributions} testId={`candidate-waterfall-${i + 1}`} />
          </li>
        ))}
      </ol>
      <button type="button" data-testid="pick-none" onClick={() => void pick(null)}>
        {t('review.candidates.none')}
      </button>
    </section>
  )
}
