import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { ReviewField } from './DiffCell.tsx'
import { BulkDialog, EditDialog, HelpDialog, KeepDialog, NoteDialog } from './dialogs.tsx'
import type { Filter } from './Facets.tsx'

export type Action = Req<'review:decide'>['action']
/** The one dialog the review view may have open, with what it was opened on. */
export type DialogState =
  | { kind: 'edit'; field: ReviewField; initial: string }
  | { kind: 'keep'; field: ReviewField; values: string[] }
  | { kind: 'defer' }
  | { kind: 'unlink' }
  | { kind: 'bulk' }
  | { kind: 'help' }
  | null

/**
 * The review view's dialogs: each asks what a decision needs (a value, a note, the bulk
 * action) and hands it to the view, which saves it on the focused row.
 */
export function DecisionDialogs(props: {
  dialog: DialogState
  filter: Filter
  onCancel(): void
  decide(action: Action, extra: { field?: ReviewField | null; value?: string; note?: string }): Promise<string | null>
  unlink(note: string): Promise<void>
  /** Resolves to the refusal's message, shown inside the still open dialog, or null once saved. */
  saveEdit(field: ReviewField, value: string, note: string): Promise<string | null>
  onBulkApplied(r: Res<'review:decide'>, rows: number): void
  onError(e: unknown): void
}) {
  const { t } = useI18n()
  const { dialog, onCancel, decide } = props
  // Closed first, so the grid has the keys back while the decision is saved.
  const then = (save: () => Promise<unknown>) => {
    onCancel()
    void save()
  }
  switch (dialog?.kind) {
    case 'edit':
      return (
        <EditDialog
          field={dialog.field}
          initial={dialog.initial}
          onCancel={onCancel}
          onConfirm={(value, note) => props.saveEdit(dialog.field, value, note)}
        />
      )
    case 'keep':
      return (
        <KeepDialog
          field={dialog.field}
          values={dialog.values}
          onCancel={onCancel}
          onConfirm={(value) => then(() => decide('keep_site', { field: dialog.field, value }))}
        />
      )
    case 'defer':
      return (
        <NoteDialog
          testId="defer-dialog"
          title={t('review.defer.title')}
          onCancel={onCancel}
          onConfirm={(note) => then(() => decide('defer', { note }))}
        />
      )
    case 'unlink':
      return (
        <NoteDialog
          testId="unlink-dialog"
          title={t('review.unlink.title')}
          text={t('review.unlink.text')}
          onCancel={onCancel}
          onConfirm={(note) => then(() => props.unlink(note))}
        />
      )
    case 'bulk':
      return <BulkDialog filter={props.filter} onCancel={onCancel} onError={props.onError} onApplied={props.onBulkApplied} />
    case 'help':
      return <HelpDialog onClose={onCancel} />
    default:
      return null
  }
}
