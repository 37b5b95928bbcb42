/**
 * The few core values the renderer needs at run time (the contract gives it types only).
 * Each comes from a core file that imports nothing but such files (records/ derives its lists
 * and labels from the schema table), so the renderer's bundle takes just the data.
 */
export { OUTCOME_REASONS } from '../core/review/complaint-reasons.ts'
export { IDENTITY_FIELDS, REVIEW_FIELDS } from '../core/records/fields.ts'
export { fieldMessages } from '../core/records/labels.ts'
