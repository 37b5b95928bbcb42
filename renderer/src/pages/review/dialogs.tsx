import { useEffect, useState } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { JobProgress } from '../../components/JobProgress.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useJob } from '../../hooks/useJob.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { Dialog } from './Dialog.tsx'
import type { Filter } from './Facets.tsx'
import { formatFieldValue, formatNumber, type FormatLang } from '../../format/format.ts'

type BulkAction = Req<'review:bulkPreview'>['action']

function NoteInput({ note, setNote }: { note: string; setNote(v: string): void }) {
  const { t } = useI18n()
  return (
    <label className="dialog-field">
      {t('review.note')}
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('review.notePlaceholder')} data-testid="dialog-note" />
    </label>
  )
}

/** Edit by hand: the value typed goes through the import's normalization in core. */
export function EditDialog(props: {
  field: string
  initial: string
  onConfirm(value: string, note: string): Promise<string | null>
  onCancel(): void
}) {
  const { t, lang } = useI18n()
  // Dates are typed and shown dd/mm/yyyy, genders Nam/Nữ; core reads both back.
  const [value, setValue] = useState(() => formatFieldValue(props.field, props.initial, lang))
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <Dialog
      testId="edit-dialog"
      title={fill(t('review.edit.title'), { field: t(`review.field.${props.field}` as MessageKey) })}
      confirmDisabled={value.trim() === ''}
      onConfirm={() => void props.onConfirm(value, note).then(setError)}
      onCancel={props.onCancel}
    >
      <label className="dialog-field">
        {t('review.edit.value')}
        <input data-autofocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="edit-value" />
      </label>
      <p className="muted small">{t('review.edit.hint')}</p>
      {error && (
        <p className="dialog-error" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      <NoteInput note={note} setNote={setNote} />
    </Dialog>
  )
}

/** A note, for deferring and for "not the same person". */
export function NoteDialog(props: { testId: string; title: string; text?: string; onConfirm(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('')
  return (
    <Dialog testId={props.testId} title={props.title} onConfirm={() => props.onConfirm(note)} onCancel={props.onCancel}>
      {props.text && <p>{props.text}</p>}
      <NoteInput note={note} setNote={setNote} />
    </Dialog>
  )
}

/** When a person's site rows disagree, keeping "the site value" needs a choice. */
export function KeepDialog(props: { field: string; values: string[]; onConfirm(value: string): void; onCancel(): void }) {
  const { t, lang } = useI18n()
  const [value, setValue] = useState(props.values[0] ?? '')
  return (
    <Dialog testId="keep-dialog" title={t('review.action.keep')} onConfirm={() => props.onConfirm(value)} onCancel={props.onCancel}>
      <p>{t('review.keep.choose')}</p>
      {props.values.map((v, i) => (
        <label key={v} className="dialog-choice">
          <input type="radio" name="keep" checked={value === v} onChange={() => setValue(v)} data-autofocus={i === 0 ? true : undefined} />
          {formatFieldValue(props.field, v, lang)}
        </label>
      ))}
    </Dialog>
  )
}

const counts = (o: Record<string, number>, label: (k: string) => string, lang: FormatLang): string =>
  Object.entries(o)
    .map(([k, n]) => `${label(k)}: ${formatNumber(n, lang)}`)
    .join(' · ')

/** A bulk rule on the current filter: the count comes first, then the apply. */
export function BulkDialog(props: {
  filter: Filter
  /** The decision, and the rows it touched as the count shown before applying said. */
  onApplied(r: Res<'review:decide'>, rows: number): void
  onCancel(): void
  onError(e: unknown): void
}) {
  const { t, lang } = useI18n()
  const num = (n: number) => formatNumber(n, lang)
  const [action, setAction] = useState<BulkAction>('accept_registry')
  const [note, setNote] = useState('')
  // The count belongs to the action it was made for; another action shows "counting" until its own arrives.
  const { filter, onError } = props
  const counted = useQuery('review:bulkPreview', { filter, action }, { onError })
  const preview = counted.stale ? null : counted.data
  // Applied in a worker: a decision over a hundred thousand differences must not hold the app.
  const job = useJob<'review-bulk'>((_ok, result) => result && props.onApplied(result, preview?.rows ?? 0))
  const failed = job.state.phase === 'failed' ? job.state.error : null
  useEffect(() => {
    if (failed) onError(failed)
  }, [failed, onError])
  const running = job.state.phase === 'running'
  const apply = () => {
    if (preview && !running) void job.start({ kind: 'review-bulk', bulk: { filter, action, note, expected: preview.diffs } })
  }
  const conflicts = (preview?.byClass['conflict'] ?? 0) > 0 && action !== 'defer'
  return (
    <Dialog
      testId="bulk-dialog"
      title={t('review.bulk.title')}
      confirmLabel={preview ? fill(t('review.bulk.apply'), { diffs: num(preview.diffs) }) : t('review.bulk.counting')}
      confirmDisabled={!preview || preview.diffs === 0 || running}
      onConfirm={apply}
      onCancel={props.onCancel}
    >
      <label className="dialog-field">
        {t('review.bulk.action')}
        <select value={action} onChange={(e) => setAction(e.target.value as BulkAction)} data-testid="bulk-action" data-autofocus>
          <option value="accept_registry">{t('review.action.accept')}</option>
          <option value="keep_site">{t('review.action.keep')}</option>
          <option value="defer">{t('review.action.defer')}</option>
        </select>
      </label>
      {preview ? (
        <div data-testid="bulk-preview" data-diffs={preview.diffs}>
          <p>{fill(t('review.bulk.count'), { diffs: num(preview.diffs), rows: num(preview.rows), proposals: num(preview.proposals) })}</p>
          {Object.keys(preview.byClass).length > 0 && (
            <p className="small">
              {t('review.bulk.byClass')}: {counts(preview.byClass, (k) => t(`review.class.${k}` as MessageKey), lang)}
            </p>
          )}
          {Object.keys(preview.skipped).length > 0 && (
            <p className="small muted" data-testid="bulk-skipped">
              {t('review.bulk.skipped')}: {counts(preview.skipped, (k) => t(`review.skip.${k}` as MessageKey) ?? k, lang)}
            </p>
          )}
          {conflicts && <p className="warn">{t('review.bulk.conflictWarning')}</p>}
        </div>
      ) : (
        <p className="muted">{t('review.bulk.counting')}</p>
      )}
      <NoteInput note={note} setNote={setNote} />
      <JobProgress state={job.state} onCancel={job.cancel} />
    </Dialog>
  )
}

export const SHORTCUT_KEYS: MessageKey[] = [
  'review.keys.move',
  'review.keys.accept',
  'review.keys.keep',
  'review.keys.edit',
  'review.keys.unlink',
  'review.keys.defer',
  'review.keys.undo',
  'review.keys.bulk',
  'review.keys.panels',
  'review.keys.scope',
  'review.keys.dialogs'
]

export function HelpDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n()
  return (
    <Dialog testId="help-dialog" title={t('review.keys.title')} confirmLabel="OK" onConfirm={onClose} onCancel={onClose}>
      <ul className="shortcuts">
        {SHORTCUT_KEYS.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </Dialog>
  )
}
