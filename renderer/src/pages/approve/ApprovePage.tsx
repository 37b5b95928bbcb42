import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ApprovePage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="approve" />
    </section>
  )
}
