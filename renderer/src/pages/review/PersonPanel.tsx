import { useState, type FormEvent } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { IdentityCard } from './IdentityCells.tsx'
import { formatDateValue, formatFieldValue, formatNumber, type FormatLang } from '../../format/format.ts'
import { fieldLabel } from '../../i18n/labels.ts'

const DETAIL_KEYS = ['days_apart', 'min_days', 'dose_date', 'vaccine', 'dose_number', 'previous_dose_date', 'dob'] as const

/** The facts linkage stored with a dose warning (days apart, the rule's minimum, dates), in one line. */
function issueDetail(json: string, t: (k: MessageKey) => string, lang: FormatLang): string {
  try {
    const d = JSON.parse(json) as Record<string, unknown>
    return DETAIL_KEYS.filter((k) => d[k] !== undefined && d[k] !== null)
      .map(
        (k) =>
          `${t(`review.issue.detail.${k}`)}: ${typeof d[k] === 'number' ? formatNumber(d[k], lang) : formatFieldValue(k === 'previous_dose_date' ? 'dose_date' : k, String(d[k]), lang)}`
      )
      .join(' · ')
  } catch {
    return ''
  }
}
/** A cell cut to one line, its title holding the whole value. */
const clipped = (v: string | null) => ({ className: 'clip', title: v ?? undefined })
type DoseRequest = Req<'review:dose'>
type Dose = Res<'review:person'>['doses'][number]
type Editing = { recordId: number; action: 'fix_date' | 'fix_vaccine' } | null

/**
 * Every dose of one person across all sites, the dose checks linkage found, and the
 * dose-level proposals: remove a duplicate, fix a date or a vaccine, add a dose the site
 * confirmed.
 */
export function PersonPanel({ personId, onChanged, onError }: { personId: number; onChanged(): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const person = useQuery('review:person', { personId }, { onError })
  const panel = person.data
  const load = person.refetch
  const [editing, setEditing] = useState<Editing>(null)
  const [value, setValue] = useState('')
  const [adding, setAdding] = useState(false)
  const [dose, setDose] = useState({ vaccine: '', doseDate: '', doseNumber: '', lot: '', siteName: '', note: '' })

  const propose = async (req: DoseRequest) => {
    try {
      await call('review:dose', req)
      setEditing(null)
      setAdding(false)
      await load()
      onChanged()
    } catch (e) {
      onError(e)
    }
  }
  const submitEdit = (e: FormEvent) => {
    e.preventDefault()
    if (editing) void propose({ action: editing.action, recordId: editing.recordId, value, note: '' })
  }
  const submitAdd = (e: FormEvent) => {
    e.preventDefault()
    void propose({
      action: 'add_dose',
      personId,
      vaccine: dose.vaccine,
      doseDate: dose.doseDate,
      doseNumber: dose.doseNumber === '' ? null : Number(dose.doseNumber),
      lot: dose.lot,
      siteName: dose.siteName,
      note: dose.note
    })
  }
  if (!panel) return null
  const duplicates = new Set(panel.issues.filter((i) => i.kind === 'duplicate').map((i) => i.recordId))
  const doseActions = (d: Dose) => (
    <>
      {d.proposals.map((p) => (
        <span key={p.id} className="badge">
          {`${t('review.person.proposed')}: ${fieldLabel(t, p.field)}${p.newValue ? ` → ${formatFieldValue(p.field, p.newValue, lang)}` : ` (${t('review.person.removed')})`}`}
        </span>
      ))}
      {duplicates.has(d.recordId) && (
        <button
          type="button"
          data-testid={`remove-${d.recordId}`}
          onClick={() => void propose({ action: 'remove_duplicate', recordId: d.recordId, note: '' })}
        >
          {t('review.person.removeDuplicate')}
        </button>
      )}
      <button
        type="button"
        onClick={() => (setEditing({ recordId: d.recordId, action: 'fix_date' }), setValue(formatDateValue(d.doseDate)))}
      >
        {t('review.person.fixDate')}
      </button>
      <button type="button" onClick={() => (setEditing({ recordId: d.recordId, action: 'fix_vaccine' }), setValue(d.vaccine ?? ''))}>
        {t('review.person.fixVaccine')}
      </button>
      {editing?.recordId === d.recordId && (
        <form onSubmit={submitEdit} className="inline-form">
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="dose-edit-value" />
          <button type="submit" className="primary">
            {t('review.person.save')}
          </button>
        </form>
      )}
    </>
  )
  return (
    <section className="side-panel person-panel" data-testid="person-panel">
      <h3>{t('review.person.title')}</h3>
      {panel.registry && (
        <>
          <h4>{t('review.person.registry')}</h4>
          <IdentityCard p={panel.registry} className="registry" />
        </>
      )}
      <DataTable
        className="compact doses"
        testId="doses"
        rows={panel.doses}
        rowKey={(d) => d.recordId}
        rowAttributes={(d) => ({ 'data-testid': `dose-${d.recordId}`, className: duplicates.has(d.recordId) ? 'warn' : undefined })}
        // Fixed widths, so the table fits the panel: long names are clipped with the full text on hover.
        columns={[
          { id: 'site', header: 'review.person.site', width: '21%', cell: (d) => d.siteName, td: (d) => clipped(d.siteName) },
          { id: 'vaccine', header: 'review.person.vaccine', width: '13%', cell: (d) => d.vaccine, td: (d) => clipped(d.vaccine) },
          { id: 'dose', header: 'review.person.dose', width: '5%', cell: (d) => d.doseNumber },
          {
            id: 'date',
            header: 'review.person.date',
            width: '16%',
            cell: (d) => formatDateValue(d.doseDate),
            td: () => ({ className: 'date' })
          },
          { id: 'lot', header: 'review.person.lot', width: '9%', cell: (d) => d.lot, td: (d) => clipped(d.lot ?? '') },
          {
            id: 'source',
            header: 'review.id.source',
            width: '10%',
            cell: (d) => d.source,
            td: (d) => ({ className: 'clip small', title: d.source })
          },
          { id: 'actions', width: '26%', cell: doseActions, td: () => ({ className: 'dose-actions' }) }
        ]}
      />
      <h4>{t('review.person.issues')}</h4>
      {panel.issues.length === 0 ? (
        <p className="muted">{t('review.person.noIssues')}</p>
      ) : (
        <ul className="issues" data-testid="dose-issues">
          {panel.issues.map((i) => (
            <li key={i.id}>
              {t(`review.issue.${i.kind}` as MessageKey) ?? i.kind}
              <span className="muted small"> {issueDetail(i.detail, t, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      {panel.added.length > 0 && (
        <>
          <h4>{t('review.person.added')}</h4>
          <ul>
            {panel.added.map((a) => (
              <li key={a.id}>{a.newValue}</li>
            ))}
          </ul>
        </>
      )}
      {adding ? (
        <form onSubmit={submitAdd} className="add-dose" data-testid="add-dose">
          {(['vaccine', 'doseDate', 'doseNumber', 'lot', 'siteName', 'note'] as const).map((k) => (
            <label key={k}>
              {t(
                (
                  {
                    vaccine: 'review.person.vaccine',
                    doseDate: 'review.person.date',
                    doseNumber: 'review.person.dose',
                    lot: 'review.person.lot',
                    siteName: 'review.person.site',
                    note: 'review.note'
                  } as const
                )[k]
              )}
              <input value={dose[k]} onChange={(e) => setDose({ ...dose, [k]: e.target.value })} data-testid={`add-dose-${k}`} />
            </label>
          ))}
          <button type="submit" className="primary">
            {t('review.person.save')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="add-dose-open">
          {t('review.person.add')}
        </button>
      )}
    </section>
  )
}
