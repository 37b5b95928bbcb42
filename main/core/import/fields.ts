import { z } from 'zod'

/** The canonical record fields, the same in SQL, zod, the CLI and the UI. */
export const RECORD_FIELDS = [
  'full_name',
  'dob',
  'gender',
  'national_id',
  'id_kind',
  'old_national_id',
  'phone',
  'address',
  'province_code',
  'district_code',
  'ward_code',
  'vaccine',
  'lot',
  'dose_number',
  'dose_date',
  'site_name',
  'complaint_id',
  'submitted_at',
  'complaint_type',
  'description'
] as const
export type RecordField = (typeof RECORD_FIELDS)[number]

/**
 * What a column can be mapped to: a canonical field, or half of a split name. `dob_male`
 * and `dob_female` are the Vietnamese form's "Ngày sinh | Nam | Nữ" columns, where the
 * column the date is written in gives the gender.
 */
export const MAPPABLE_FIELDS = [
  ...RECORD_FIELDS.filter((f) => f !== 'id_kind'),
  'family_name',
  'given_name',
  'dob_male',
  'dob_female'
] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

export const SOURCE_KINDS = ['site', 'registry', 'complaint'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** field → the header labels of its columns, in order (several only for address). */
export const Mapping = z.record(z.string(), z.array(z.string()))
export type Mapping = z.infer<typeof Mapping>
