/**
 * Reason codes per complaint outcome; the UI and the reports name them in both languages.
 * Pure data with no imports, so the renderer can take it (through main/ipc/shared-values.ts)
 * without bundling the schemas.
 */
export const OUTCOME_REASONS = {
  approved: ['site_record_confirms', 'site_confirmed', 'registry_confirms', 'other'],
  deferred: ['awaiting_site', 'awaiting_citizen', 'awaiting_registry', 'other'],
  rejected: [
    'name_mismatch',
    'dob_mismatch',
    'dose_mismatch',
    'date_mismatch',
    'vaccine_mismatch',
    'name_without_diacritics',
    'no_site_record',
    'already_recorded',
    'duplicate_complaint',
    'other'
  ]
} as const satisfies Record<'approved' | 'deferred' | 'rejected', readonly string[]>
