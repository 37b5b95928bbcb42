import type { Prepared, PreparedName } from '../prepare.ts'
import type { NameAlignment } from './name-align.ts'

/**
 * What a pair of records is compared on. The engine never names Vietnamese columns: it
 * picks comparisons by field type from what the data holds, so FEBRL's English names,
 * Australian addresses and social-security numbers go through the same code.
 */
export type FieldType = 'person_name' | 'birth_date' | 'sex' | 'identifier' | 'phone' | 'admin_area' | 'free_address'

/** Per-pair state shared by comparisons of the same field (the name alignment). */
export interface PairScratch {
  names: NameAlignment | null
  /** The names compared, which `names` indexes: the records' own, or with a stray space closed. */
  a: PreparedName | null
  b: PreparedName | null
}

/**
 * Fields that say who someone is, as opposed to where they live or how to reach them
 * (which change): only a contradiction on these can veto joining two records.
 */
export const IDENTITY_FIELDS: readonly FieldType[] = ['person_name', 'birth_date', 'sex', 'identifier']

export interface Comparison {
  /** Stable code, used in the model, in contributions_json and as the UI's message key. */
  readonly name: string
  readonly field: FieldType
  /** Level codes from strongest agreement to disagreement. */
  readonly levels: readonly string[]
  /** The level index, or -1 when either record lacks the value (no evidence either way). */
  compare(a: Prepared, b: Prepared, scratch: PairScratch): number
  /**
   * Levels at which agreeing on a rare value says more than agreeing on a common one:
   * their u is replaced by the agreed value's frequency ("Lò" versus "Nguyễn").
   */
  readonly tfLevels?: readonly number[]
  tfValue?(a: Prepared, b: Prepared, scratch: PairScratch): string | null
}
