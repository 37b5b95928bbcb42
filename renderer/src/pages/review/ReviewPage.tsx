import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ReviewPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="review" />
    </section>
  )
}
