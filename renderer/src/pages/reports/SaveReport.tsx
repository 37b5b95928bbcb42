import { useState, type FormEvent } from 'react'
import { call } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useCurrentUser } from '../users/session.tsx'
import './reports.css'

/**
 * Saves the district report file. A supervisor can sign it as a batch is signed: their
 * password opens their signing key for this one file, and is forgotten at once.
 */
export function SaveReport({ onError }: { onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const [password, setPassword] = useState('')
  const [saved, setSaved] = useState<{ path: string; signed: boolean } | null>(null)
  const save = (pw: string | undefined) =>
    call('reports:save', pw ? { password: pw } : {}).then((r) => {
      setPassword('')
      setSaved(r.path ? { path: r.path, signed: r.signature !== null } : null)
    }, onError)
  const sign = (e: FormEvent) => {
    e.preventDefault()
    void save(password)
  }
  return (
    <div className="report-save">
      <button type="button" data-testid="report-save" onClick={() => void save(undefined)}>
        {t('reports.save')}
      </button>
      {me.role === 'supervisor' && (
        <form onSubmit={sign} className="report-sign">
          <label>
            {t('export.password')}{' '}
            <input
              data-testid="report-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>{' '}
          <button type="submit" className="primary" data-testid="report-sign" disabled={!password}>
            {t('reports.sign')}
          </button>
        </form>
      )}
      {saved && (
        <span className="muted" data-testid="report-saved" data-signed={saved.signed}>
          {saved.signed ? t('reports.signed') : t('reports.saved')}: {saved.path}
        </span>
      )}
    </div>
  )
}
