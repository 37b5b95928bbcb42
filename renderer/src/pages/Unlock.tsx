import { useState, type FormEvent } from 'react'
import { fill } from '../i18n/fill.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { PasswordField } from '../components/PasswordField.tsx'

/** The password prompt for an encrypted workspace: a user's own password, or the office recovery secret. */
export function UnlockForm({
  path,
  onSubmit,
  onCancel
}: {
  path: string
  onSubmit: (password: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const typed = password
    // The field is cleared whatever happens: a password never lingers in the page.
    setPassword('')
    await onSubmit(typed)
  }
  return (
    <form className="signin-card" data-testid="unlock-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('unlock.title')}</h2>
      <p className="muted">{fill(t('unlock.intro'), { file: path })}</p>
      <PasswordField label={t('unlock.password')} testId="unlock-password" autoFocus value={password} onChange={setPassword} />
      <button type="submit" className="primary" data-testid="unlock-submit" disabled={!password}>
        {t('unlock.submit')}
      </button>
      <button type="button" data-testid="unlock-cancel" onClick={onCancel}>
        {t('unlock.cancel')}
      </button>
    </form>
  )
}

/** The recovery secret of a new encrypted workspace, shown this once. */
export function RecoverySecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useI18n()
  return (
    <section className="signin-card" data-testid="recovery-secret" aria-live="polite">
      <h2>{t('recovery.title')}</h2>
      <p>{t('recovery.intro')}</p>
      <p>
        <code data-testid="recovery-secret-value">{secret}</code>
      </p>
      <button type="button" className="primary" data-testid="recovery-secret-done" autoFocus onClick={onDone}>
        {t('recovery.done')}
      </button>
    </section>
  )
}
