/**
 * The few core values the renderer needs at run time (the contract gives it types only).
 * Each comes from a core file with no imports, so the renderer's bundle takes just the data.
 */
export { OUTCOME_REASONS } from '../core/review/complaint-reasons.ts'
