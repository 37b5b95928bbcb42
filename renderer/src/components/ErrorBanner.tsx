import { ApiError } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'

/** Shows a failed call's message in the current language, with the code for support. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { t, pick } = useI18n()
  const text = error instanceof ApiError ? pick(error) : error instanceof Error ? error.message : String(error)
  const code = error instanceof ApiError ? error.code : null
  return (
    <div role="alert" className="error-banner" data-testid="error-banner" data-code={code ?? undefined}>
      <strong>{t('error.title')}:</strong> {text}
      <button type="button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  )
}
