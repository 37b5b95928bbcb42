import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'
import { stepLabel, type Step } from '../shell/steps.ts'

/** The heading and one-line purpose of a workflow step. */
export function StepIntro({ step }: { step: Exclude<Step, 'overview'> }) {
  const { t } = useI18n()
  return (
    <>
      <h2>{t(stepLabel(step))}</h2>
      <p className="muted">{t(`step.${step}` as MessageKey)}</p>
    </>
  )
}
