import type { MessageKey } from '../i18n/vi.ts'

/** The workflow, in order; the navigation and the pages follow it. */
export const STEPS = ['overview', 'import', 'link', 'review', 'complaints', 'approve', 'export', 'reports'] as const
export type Step = (typeof STEPS)[number]

export const stepLabel = (s: Step): MessageKey => `nav.${s}`
