import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { duration } from './time.ts'

/** Time left until the 48-hour deadline, or how long ago it passed. */
export function Countdown({ deadline, now, open }: { deadline: string | null; now: number; open: boolean }) {
  const { t } = useI18n()
  if (!deadline) return <span className="muted">{t('complaints.noDeadline')}</span>
  if (!open) return null
  const left = Date.parse(deadline) - now
  const days = (n: number) => fill(t('complaints.days'), { n })
  return left < 0 ? (
    <span className="countdown overdue" data-testid="countdown" data-overdue="true">
      {fill(t('complaints.overdue'), { t: duration(left, days) })}
    </span>
  ) : (
    <span className={`countdown${left < 6 * 3_600_000 ? ' soon' : ''}`} data-testid="countdown" data-overdue="false">
      {fill(t('complaints.left'), { t: duration(left, days) })}
    </span>
  )
}
