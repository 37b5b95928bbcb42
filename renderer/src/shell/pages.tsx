import type { ComponentType } from 'react'
import type { Res } from '../../../main/ipc/contract.ts'
import { ApprovePage } from '../pages/approve/ApprovePage.tsx'
import { ComplaintsPage } from '../pages/complaints/ComplaintsPage.tsx'
import { ExportPage } from '../pages/export/ExportPage.tsx'
import { ImportPage } from '../pages/import/ImportPage.tsx'
import { LinkPage } from '../pages/link/LinkPage.tsx'
import { Overview } from '../pages/Overview.tsx'
import { ReportsPage } from '../pages/reports/ReportsPage.tsx'
import { ReviewPage } from '../pages/review/ReviewPage.tsx'
import type { Step } from './steps.ts'

export interface PageProps {
  status: Res<'workspace:status'>
  /** Reloads the workspace status after the page changed something. */
  refresh(): void
  onError(e: unknown): void
  /** Opens another page, on one of its views (the Review page's 'candidates'). */
  go(step: Step, view?: string): void
  /** The view another page asked this one to open on, if any. */
  view: string | null
}

/** One page per workflow step; each lives in its own folder under pages/. */
export const PAGES: Record<Step, ComponentType<PageProps>> = {
  overview: Overview,
  import: ImportPage,
  link: LinkPage,
  review: ReviewPage,
  complaints: ComplaintsPage,
  approve: ApprovePage,
  export: ExportPage,
  reports: ReportsPage
}
