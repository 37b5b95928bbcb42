import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ImportPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="import" />
    </section>
  )
}
