import { useState, type FormEvent } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useCurrentUser, useUserSession } from './session.tsx'
import { PasswordField } from '../../components/PasswordField.tsx'
import { userWithRole } from '../../i18n/labels.ts'

type Adopted = Res<'users:adopt'>

/**
 * A workspace made before signed approvals: its supervisors sign in as clerks (no chain
 * vouches for them), so the offer goes by the role the users table gives the signed-in
 * user. Main re-signs them in with their key open, so the result is the last thing shown.
 */
export function AdoptWorkspace({ onAdopted, onError }: { onAdopted(): void; onError(e: unknown): void }) {
  const { t } = useI18n()
  const { state, refresh } = useUserSession()
  const me = useCurrentUser()
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [adopted, setAdopted] = useState<Adopted | null>(null)
  if (adopted) return <AdoptResult result={adopted} />
  const listed = state?.users ?? []
  if (!state?.adoptable || listed.find((u) => u.id === me.id)?.role !== 'supervisor') return null
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      setAdopted(await call('users:adopt', { password }))
      await refresh()
      onAdopted()
    } catch (err) {
      onError(err)
    } finally {
      setPassword('')
      setBusy(false)
    }
  }
  return (
    <form className="inline-form" data-testid="adopt-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('users.adopt.title')}</h3>
      <p>{t('users.adopt.intro')}</p>
      <ul data-testid="adopt-users">
        {listed.map((u) => (
          <li key={u.id}>{userWithRole(t, u)}</li>
        ))}
      </ul>
      <PasswordField label={t('users.adopt.password')} testId="adopt-password" value={password} onChange={setPassword} />
      <button type="submit" data-testid="adopt-submit" disabled={!password || busy}>
        {t('users.adopt.submit')}
      </button>
    </form>
  )
}

function AdoptResult({ result }: { result: Adopted }) {
  const { t } = useI18n()
  const list = (names: string[]) => (names.length > 0 ? names.join(', ') : t('users.adopt.nobody'))
  const endorsed = result.endorsed.map((u) => userWithRole(t, u))
  return (
    <section className="notice" role="status" data-testid="adopt-result">
      <p>{fill(t('users.adopt.done'), { root: result.root.name })}</p>
      <p data-testid="adopt-endorsed">{`${t('users.adopt.endorsed')}: ${list(endorsed)}`}</p>
      <p data-testid="adopt-left-out">{`${t('users.adopt.leftOut')}: ${list(result.leftOut.map((u) => u.name))}`}</p>
      {result.unsignedApprovals > 0 && (
        <p data-testid="adopt-unsigned">{fill(t('users.adopt.unsigned'), { n: result.unsignedApprovals })}</p>
      )}
    </section>
  )
}
