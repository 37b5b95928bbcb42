import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ComplaintsPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="complaints" />
    </section>
  )
}
