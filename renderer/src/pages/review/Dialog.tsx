import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'

/**
 * A modal form: Enter confirms, Esc cancels, and focus goes to its first field so a
 * clerk never reaches for the mouse. Focus returns to the grid when it closes.
 */
export function Dialog(props: {
  title: string
  testId: string
  confirmLabel?: string
  confirmDisabled?: boolean
  onConfirm(): void
  onCancel(): void
  children: ReactNode
}) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    d.showModal()
    const first = d.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button.primary')
    first?.focus()
  }, [])
  const submit = (e: FormEvent | KeyboardEvent) => {
    e.preventDefault()
    if (!props.confirmDisabled) props.onConfirm()
  }
  return (
    <dialog
      ref={ref}
      className="review-dialog"
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <form
        onSubmit={submit}
        onKeyDown={(e) => {
          // Enter on a choice list confirms too: a form is not submitted from a <select>.
          if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) submit(e)
        }}
      >
        <h3>{props.title}</h3>
        {props.children}
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
            {t('review.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={props.confirmDisabled} data-testid={`${props.testId}-confirm`}>
            {props.confirmLabel ?? t('review.confirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>
  )
}
