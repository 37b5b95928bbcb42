import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'

export function ExportPage(_props: PageProps) {
  return (
    <section>
      <StepIntro step="export" />
    </section>
  )
}
