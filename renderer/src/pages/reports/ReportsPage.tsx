import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ReportsPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="reports" />
    </section>
  )
}
