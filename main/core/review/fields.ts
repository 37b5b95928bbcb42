/**
 * The fields a clerk compares side by side (declared with their permanent bits in
 * records/schema.ts), and the four classes of difference. Class bit positions are stored
 * in review_rows.classes, so the order here is part of the workspace format: append, never
 * reorder.
 */
export { REVIEW_FIELDS, fieldBit, type ReviewField } from '../records/fields.ts'

export const DIFF_CLASSES = ['formatting', 'minor', 'conflict', 'missing'] as const
export type DiffClass = (typeof DIFF_CLASSES)[number]

export const classBit = (c: DiffClass): number => 1 << DIFF_CLASSES.indexOf(c)

export const maskOf = <T extends string>(values: readonly T[], bit: (v: T) => number): number => values.reduce((m, v) => m | bit(v), 0)
