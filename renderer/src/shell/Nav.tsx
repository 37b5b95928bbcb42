import { useI18n } from '../i18n/i18n.tsx'
import { STEPS, stepLabel, type Step } from './steps.ts'

export function Nav({ current, onSelect, onClose }: { current: Step; onSelect: (s: Step) => void; onClose: () => void }) {
  const { t } = useI18n()
  return (
    <nav className="nav" aria-label="VaxRecon">
      <ol>
        {STEPS.map((s) => (
          <li key={s}>
            <button type="button" data-testid={`nav-${s}`} aria-current={s === current ? 'page' : undefined} onClick={() => onSelect(s)}>
              {t(stepLabel(s))}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="nav-close" data-testid="close-workspace" onClick={onClose}>
        {t('nav.close')}
      </button>
    </nav>
  )
}
