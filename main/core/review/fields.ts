/**
 * The fields a clerk compares side by side, and the four classes of difference. Bit
 * positions are stored in review_rows (classes, fields), so the order here is part of the
 * workspace format: append, never reorder.
 */
export const REVIEW_FIELDS = ['full_name', 'dob', 'gender', 'national_id', 'phone', 'address'] as const
export type ReviewField = (typeof REVIEW_FIELDS)[number]

export const DIFF_CLASSES = ['formatting', 'minor', 'conflict', 'missing'] as const
export type DiffClass = (typeof DIFF_CLASSES)[number]

export const fieldBit = (f: ReviewField): number => 1 << REVIEW_FIELDS.indexOf(f)
export const classBit = (c: DiffClass): number => 1 << DIFF_CLASSES.indexOf(c)

export const maskOf = <T extends string>(values: readonly T[], bit: (v: T) => number): number => values.reduce((m, v) => m | bit(v), 0)

export const isReviewField = (f: string): f is ReviewField => (REVIEW_FIELDS as readonly string[]).includes(f)
