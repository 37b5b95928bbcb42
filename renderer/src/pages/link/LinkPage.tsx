import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function LinkPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="link" />
    </section>
  )
}
