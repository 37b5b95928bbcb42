import { useState, type FormEvent, type ReactNode } from 'react'
import { call } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useUserSession } from './session.tsx'
import './users.css'
import { PasswordField } from '../../components/PasswordField.tsx'
import { userWithRole } from '../../i18n/labels.ts'

/**
 * Nothing in a workspace is reachable without a signed-in user: a first run creates the
 * first supervisor, otherwise the user picks their name and types their password.
 */
export function SignInGate({ onError, onClose, children }: { onError: (e: unknown) => void; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n()
  const { state, user } = useUserSession()
  if (state === null) return null
  if (user) return <>{children}</>
  return (
    <main className="signin">
      {state.hasUsers ? <SignIn onError={onError} /> : <FirstSupervisor onError={onError} />}
      <button type="button" className="signin-close" data-testid="signin-close" onClick={onClose}>
        {t('nav.close')}
      </button>
    </main>
  )
}

function SignIn({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const { state, refresh } = useUserSession()
  const users = state?.users ?? []
  const [name, setName] = useState(users[0]?.name ?? '')
  const [password, setPassword] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await call('users:signIn', { name, password })
      setPassword('')
      await refresh()
    } catch (err) {
      setPassword('')
      onError(err)
    }
  }
  return (
    <form className="signin-card" data-testid="signin-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('users.signIn.title')}</h2>
      <p className="muted">{t('users.signIn.intro')}</p>
      <label>
        {t('users.signIn.name')}
        <select data-testid="signin-name" value={name} onChange={(e) => setName(e.target.value)}>
          {users.map((u) => (
            <option key={u.id} value={u.name}>
              {userWithRole(t, u)}
            </option>
          ))}
        </select>
      </label>
      <PasswordField label={t('users.signIn.password')} testId="signin-password" autoFocus value={password} onChange={setPassword} />
      <button type="submit" className="primary" data-testid="signin-submit" disabled={!name || !password}>
        {t('users.signIn.submit')}
      </button>
    </form>
  )
}

function FirstSupervisor({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const { refresh } = useUserSession()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const mismatch = confirm !== '' && confirm !== password
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await call('users:create', { name, role: 'supervisor', password })
      await refresh()
    } catch (err) {
      onError(err)
    }
  }
  return (
    <form className="signin-card" data-testid="first-supervisor-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('users.first.title')}</h2>
      <p className="muted">{t('users.first.intro')}</p>
      <label>
        {t('users.field.name')}
        <input data-testid="first-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <PasswordField label={t('users.field.password')} testId="first-password" isNew value={password} onChange={setPassword} />
      <PasswordField label={t('users.field.confirm')} testId="first-confirm" isNew value={confirm} onChange={setConfirm} />
      {mismatch && <p className="field-error">{t('users.mismatch')}</p>}
      <button type="submit" className="primary" data-testid="first-submit" disabled={!name.trim() || !password || password !== confirm}>
        {t('users.first.submit')}
      </button>
    </form>
  )
}
