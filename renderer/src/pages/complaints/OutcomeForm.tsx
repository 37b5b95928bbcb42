import { useState, type FormEvent } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { OUTCOME_REASONS } from '../../../../main/ipc/shared-values.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatDateValue, formatFieldValue, type FormatLang } from '../../format/format.ts'

type Evidence = Res<'complaints:evidence'>
type Resolve = Req<'complaints:resolve'>
type Outcome = Resolve['outcome']
type Draft = NonNullable<Resolve['corrections']>[number]

/** Reason codes per outcome, exactly as core accepts them. */
const REASONS: Record<Outcome, readonly Resolve['reasonCode'][]> = OUTCOME_REASONS

/** A suggested correction with its dates dd/mm/yyyy and gender Nam/Nữ, as the clerk types them (core reads both). */
function shownDraft(d: Draft, lang: FormatLang): Draft {
  if (d.action === 'add_dose') return { ...d, doseDate: formatDateValue(d.doseDate) }
  if (d.action === 'fix_date') return { ...d, value: formatDateValue(d.value) }
  if (d.action === 'fix_field') return { ...d, value: formatFieldValue(d.field, d.value, lang) }
  return d
}

/**
 * The outcome of a complaint, with a reason code and a note. Approving proposes the
 * corrections listed here: the evidence's suggestions, which the clerk can change.
 */
export function OutcomeForm({ evidence, onSubmit }: { evidence: Evidence; onSubmit(req: Resolve): void }) {
  const { t, lang } = useI18n()
  const [outcome, setOutcome] = useState<Outcome>(evidence.hints.length > 0 && evidence.suggestions.length === 0 ? 'rejected' : 'approved')
  const firstHint = (o: Outcome) => REASONS[o].find((r) => evidence.hints.includes(r)) ?? REASONS[o][0] ?? 'other'
  const [reason, setReason] = useState<Resolve['reasonCode']>(firstHint(outcome))
  const [note, setNote] = useState('')
  const [drafts, setDrafts] = useState<Draft[]>(() => evidence.suggestions.map((d) => shownDraft(d, lang)))
  const rowLabel = (id: number) => {
    const i = evidence.siteRows.findIndex((r) => r.recordId === id)
    return i < 0 ? `#${id}` : `${i + 1} (${evidence.siteRows[i]?.siteName ?? ''})`
  }
  const update = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, j) => (j === i ? ({ ...d, ...patch } as Draft) : d)))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit({ recordId: evidence.item.recordId, outcome, reasonCode: reason, note, corrections: outcome === 'approved' ? drafts : [] })
  }
  return (
    <form className="outcome-form" onSubmit={submit} data-testid="outcome-form">
      <fieldset>
        <legend>{t('complaints.outcome')}</legend>
        {(['approved', 'deferred', 'rejected'] as const).map((o) => (
          <label key={o}>
            <input
              type="radio"
              name="outcome"
              checked={outcome === o}
              data-testid={`outcome-${o}`}
              onChange={() => {
                setOutcome(o)
                setReason(firstHint(o))
              }}
            />
            {t(`complaints.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <label className="dialog-field">
        {t('complaints.reason')}
        <select value={reason} onChange={(e) => setReason(e.target.value as Resolve['reasonCode'])} data-testid="outcome-reason">
          {REASONS[outcome].map((r) => (
            <option key={r} value={r}>
              {t(`complaints.reason.${r}` as MessageKey)}
              {evidence.hints.includes(r) ? ' ★' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="dialog-field">
        {t('complaints.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="outcome-note" />
      </label>
      {outcome === 'approved' && (
        <fieldset className="corrections" data-testid="corrections">
          <legend>{t('complaints.corrections')}</legend>
          {drafts.length === 0 && <p className="muted">{t('complaints.corrections.none')}</p>}
          {drafts.map((d, i) => (
            <div key={i} className="correction" data-testid={`correction-${i}`}>
              {d.action === 'add_dose' ? (
                <>
                  <strong>{t('complaints.corrections.addDose')}</strong>
                  <input
                    aria-label={t('review.person.vaccine')}
                    value={d.vaccine}
                    onChange={(e) => update(i, { vaccine: e.target.value })}
                  />
                  <input
                    aria-label={t('review.person.date')}
                    value={d.doseDate}
                    onChange={(e) => update(i, { doseDate: e.target.value })}
                  />
                  <input
                    aria-label={t('complaints.corrections.site')}
                    placeholder={t('complaints.corrections.site')}
                    value={d.siteName}
                    onChange={(e) => update(i, { siteName: e.target.value })}
                    data-testid={`correction-${i}-site`}
                  />
                </>
              ) : (
                <>
                  <strong>
                    {d.action === 'fix_date'
                      ? fill(t('complaints.corrections.fixDate'), { row: rowLabel(d.recordId) })
                      : d.action === 'fix_vaccine'
                        ? fill(t('complaints.corrections.fixVaccine'), { row: rowLabel(d.recordId) })
                        : fill(t('complaints.corrections.fixField'), {
                            field: t(`review.field.${d.field}` as MessageKey),
                            row: rowLabel(d.recordId)
                          })}
                  </strong>
                  <input value={d.value} onChange={(e) => update(i, { value: e.target.value })} data-testid={`correction-${i}-value`} />
                </>
              )}
              <button type="button" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
                {t('complaints.corrections.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setDrafts([
                ...drafts,
                {
                  action: 'add_dose',
                  vaccine: evidence.claimDose.vaccine ?? '',
                  doseDate: formatDateValue(evidence.claimDose.doseDate),
                  doseNumber: evidence.claimDose.doseNumber,
                  lot: evidence.claimDose.lot ?? '',
                  siteName: evidence.claimDose.siteName ?? ''
                }
              ])
            }
          >
            + {t('complaints.corrections.addDose')}
          </button>
        </fieldset>
      )}
      <button type="submit" className="primary" data-testid="outcome-save" disabled={outcome === 'approved' && drafts.length === 0}>
        {t('complaints.save')}
      </button>
    </form>
  )
}
