import compact from './vn-names.json' with { type: 'json' }

/**
 * Vietnamese given names by gender, each with its lead syllable as people use it
 * ("Anh Dũng", "Thu Thủy"). Source: duyet/vietnamese-namedb (MIT), derived by
 * derive-from-shared.ts.
 */
export const boyNames: readonly string[] = compact.boy
export const girlNames: readonly string[] = compact.girl
