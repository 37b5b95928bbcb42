/**
 * The identity columns of a `records` row (normalized at import), as the comparisons,
 * the review and the complaint screens read them. One declaration, so a column added by
 * a migration is added to every reader's type at once.
 */
export interface IdentityColumns {
  full_name: string | null
  dob: string | null
  gender: string | null
  national_id: string | null
  old_national_id: string | null
  phone: string | null
  address: string | null
}

/** The dose columns of a site row (a complaint states the dose it claims in the same columns). */
export interface DoseColumns {
  vaccine: string | null
  dose_number: number | null
  dose_date: string | null
  lot: string | null
  site_name: string | null
}

export type RecordKind = 'site' | 'registry' | 'complaint'

/** The normalized columns of a `records` row that linkage reads (and `records export` writes). */
export interface LinkageColumns extends IdentityColumns {
  id: number
  import_id: number
  kind: RecordKind
  province_code: string | null
  district_code: string | null
  ward_code: string | null
  vaccine: string | null
  dose_number: number | null
  dose_date: string | null
  complaint_type: string | null
}
