import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { CandidateQueue } from './CandidateQueue.tsx'
import { DiffsView } from './DiffsView.tsx'
import './review.css'

/** Review: the differences grid, and the queue of rows still waiting for a person. */
export function ReviewPage({ refresh, onError, view }: PageProps) {
  const { t } = useI18n()
  const [tab, setTab] = useState<'diffs' | 'candidates'>(view === 'candidates' ? 'candidates' : 'diffs')
  return (
    <section className="review-page">
      <div className="review-head">
        <StepIntro step="review" />
        <div role="tablist" className="tabs">
          {(['diffs', 'candidates'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} data-testid={`review-tab-${k}`} onClick={() => setTab(k)}>
              {t(`review.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === 'diffs' ? (
        // The Overview's "deferred rows" tile opens the grid on those rows.
        <DiffsView onChanged={refresh} onError={onError} {...(view === 'deferred' && { statuses: ['deferred'] as const })} />
      ) : (
        <CandidateQueue onChanged={refresh} onError={onError} />
      )}
    </section>
  )
}
