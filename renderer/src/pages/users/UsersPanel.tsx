import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { ErrorBanner } from '../../components/ErrorBanner.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { AdoptWorkspace } from './AdoptWorkspace.tsx'
import { useCurrentUser } from './session.tsx'
import { PasswordField } from '../../components/PasswordField.tsx'

type Accounts = Res<'users:list'>['users']
type Role = Accounts[number]['role']

/** A modal dialog: the users of this workspace, adding one (supervisors), my key, my password. */
export function UsersPanel({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  // A modal dialog sits above the page's error banner: its errors show inside it.
  const [error, setError] = useState<unknown>(null)
  const onError = useCallback((e: unknown) => setError(e), [])
  const me = useCurrentUser()
  const dialog = useRef<HTMLDialogElement>(null)
  const accounts = useQuery('users:list', {}, { onError })
  const users = accounts.data?.users ?? []
  const load = accounts.refetch
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  return (
    <dialog ref={dialog} className="users-panel" data-testid="users-panel" onClose={onClose}>
      <header>
        <h2>{t('users.panel.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('users.panel.close')}
        </button>
      </header>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <DataTable
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { id: 'name', header: 'users.field.name', cell: (u) => u.name },
          { id: 'role', header: 'users.field.role', cell: (u) => t(`users.role.${u.role}`) },
          { id: 'key', header: 'users.panel.key', cell: (u) => u.keyId ?? t('users.panel.noKey'), td: () => ({ className: 'mono' }) },
          me.role === 'supervisor' && {
            id: 'deactivate',
            cell: (u) =>
              u.id !== me.id && (
                <Deactivate
                  user={u}
                  onDone={() => {
                    setNotice(fill(t('users.panel.deactivated'), { name: u.name }))
                    void load()
                  }}
                  onError={onError}
                />
              )
          }
        ]}
      />
      <AdoptWorkspace onAdopted={() => void load()} onError={onError} />
      {me.role === 'supervisor' ? (
        <AddUser
          onAdded={() => {
            setNotice(t('users.panel.added'))
            void load()
          }}
          onError={onError}
        />
      ) : (
        <p className="muted">{t('users.panel.onlySupervisor')}</p>
      )}
      {me.role === 'supervisor' && <MyKey onError={onError} />}
      <ChangePassword onChanged={() => setNotice(t('users.panel.changed'))} onError={onError} />
    </dialog>
  )
}

function AddUser({ onAdded, onError }: { onAdded: () => void; onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('clerk')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await call('users:create', { name, role, password })
      setName('')
      setPassword('')
      setConfirm('')
      onAdded()
    } catch (err) {
      onError(err)
    }
  }
  return (
    <form className="inline-form" data-testid="add-user-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('users.panel.add')}</h3>
      <label>
        {t('users.field.name')}
        <input data-testid="add-user-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('users.field.role')}
        <select data-testid="add-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="clerk">{t('users.role.clerk')}</option>
          <option value="supervisor">{t('users.role.supervisor')}</option>
        </select>
      </label>
      <PasswordField label={t('users.field.password')} testId="add-user-password" isNew value={password} onChange={setPassword} />
      <PasswordConfirm password={password} confirm={confirm} setConfirm={setConfirm} testId="add-user-confirm" />
      <button type="submit" data-testid="add-user-submit" disabled={!name.trim() || !password || password !== confirm}>
        {t('users.panel.addSubmit')}
      </button>
    </form>
  )
}

function MyKey({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const key = useQuery('users:publicKey', {}, { onError }).data
  const [saved, setSaved] = useState<string | null>(null)
  if (!key) return null
  return (
    <section>
      <h3>{t('users.panel.myKey')}</h3>
      <p className="muted small">{t('users.panel.myKeyIntro')}</p>
      <pre className="mono key" data-testid="my-public-key">
        {key.text}
      </pre>
      <p>
        {t('users.panel.fingerprint')}: <span className="mono">{key.fingerprint}</span>
      </p>
      <button type="button" onClick={() => call('users:savePublicKey', {}).then((r) => setSaved(r.path), onError)}>
        {t('users.panel.saveKey')}
      </button>
      {saved && <span className="muted"> {`${t('users.panel.saved')}: ${saved}`}</span>}
    </section>
  )
}

function ChangePassword({ onChanged, onError }: { onChanged: () => void; onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [confirm, setConfirm] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await call('users:changePassword', { oldPassword, newPassword })
      setOld('')
      setNew('')
      setConfirm('')
      onChanged()
    } catch (err) {
      onError(err)
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('users.panel.password')}</h3>
      <PasswordField label={t('users.panel.oldPassword')} value={oldPassword} onChange={setOld} />
      <PasswordField label={t('users.panel.newPassword')} testId="new-password" isNew value={newPassword} onChange={setNew} />
      <PasswordConfirm password={newPassword} confirm={confirm} setConfirm={setConfirm} testId="new-password-confirm" />
      <button type="submit" disabled={!oldPassword || !newPassword || newPassword !== confirm} data-testid="change-password-submit">
        {t('users.panel.changeSubmit')}
      </button>
    </form>
  )
}

/** The new password typed twice: one typo must not lock a supervisor out of their signing key. */
function PasswordConfirm({
  password,
  confirm,
  setConfirm,
  testId
}: {
  password: string
  confirm: string
  setConfirm(v: string): void
  testId: string
}) {
  const { t } = useI18n()
  return (
    <>
      <PasswordField label={t('users.field.confirm')} testId={testId} isNew value={confirm} onChange={setConfirm} />
      {confirm !== '' && confirm !== password && <p className="field-error">{t('users.mismatch')}</p>}
    </>
  )
}

/** Two clicks: the first asks, the second deactivates. */
function Deactivate({ user, onDone, onError }: { user: Accounts[number]; onDone(): void; onError(e: unknown): void }) {
  const { t } = useI18n()
  const [asking, setAsking] = useState(false)
  return asking ? (
    <button
      type="button"
      className="danger"
      data-testid={`deactivate-confirm-${user.id}`}
      onClick={() => call('users:deactivate', { userId: user.id }).then(onDone, onError)}
    >
      {fill(t('users.panel.deactivateConfirm'), { name: user.name })}
    </button>
  ) : (
    <button type="button" data-testid={`deactivate-${user.id}`} onClick={() => setAsking(true)}>
      {t('users.panel.deactivate')}
    </button>
  )
}
