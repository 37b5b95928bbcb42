/**
 * The record's fields, declared once: a row per column of the `records` table. Everything
 * else about a field (the import's mapping and zod checks, the review's compared
 * fields and their bits, the wire schemas, the row types of the readers, the labels of the
 * batch file and of the UI) is derived from this table.
 *
 * Pure data with no imports, so the sandboxed preload and the renderer (through
 * main/ipc/shared-values.ts) can take it without zod or Node.
 */

export const SOURCE_KINDS = ['site', 'registry', 'complaint'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export interface Label {
  vi: string
  en: string
}

/**
 * The shape of a normalized value, named: import/validate.ts maps each to the zod type
 * the import checks before a row is written.
 */
export type ValueType =
  | 'nonEmptyText'
  | 'text'
  | 'yearOrDate'
  | 'date'
  | 'dateTime'
  | 'gender'
  | 'idKind'
  | 'phone'
  | 'provinceCode'
  | 'districtCode'
  | 'wardCode'
  | 'doseNumber'

/** Which import/normalize/ function turns a cell into the value (derived: computed from another field). */
export type Normalizer =
  'name' | 'date' | 'dateTime' | 'gender' | 'id' | 'idKind' | 'phone' | 'text' | 'adminCode' | 'vaccine' | 'doseNumber'

/** The UI's places that name fields, each with its own i18n namespace (`import.field.dob`, …). */
export type LabelPlace = 'import' | 'review' | 'link'

export interface FieldSpec {
  /** The column of `records`, and the field's name everywhere (CLI, mapping, wire). */
  readonly column: string
  readonly sql: 'TEXT' | 'INTEGER'
  /** The kinds of file that carry it; the others store NULL. */
  readonly kinds: readonly SourceKind[]
  /** Identity: what the comparisons, the review and the complaint screens read of a person. */
  readonly identity?: true
  /** A dose's column (a complaint states the dose it claims in the same columns). */
  readonly dose?: true
  /** False: derived, never mapped from a column. Otherwise its header words are in records/header-synonyms.ts. */
  readonly mapped?: false
  readonly normalizer: Normalizer
  readonly value: ValueType
  /** Compared side by side in review: its bit in review_rows.fields. Part of the workspace format: never reuse or renumber. */
  readonly reviewBit?: number
  /** Its name, as the batch file, reports and the UI show it. */
  readonly label: Label
  /** A different name in one place (a narrower column, a hint in the import wizard). */
  readonly labelIn?: Partial<Record<LabelPlace | 'batch', Label>>
}

const ALL = SOURCE_KINDS
const WITH_DOSES = ['site', 'complaint'] as const
const COMPLAINT = ['complaint'] as const

export const FIELD_TABLE = [
  {
    column: 'full_name',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'name',
    value: 'nonEmptyText',
    reviewBit: 0,
    label: { vi: 'Họ và tên', en: 'Full name' },
    labelIn: { link: { vi: 'Họ tên', en: 'Full name' } }
  },
  {
    column: 'dob',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'date',
    value: 'yearOrDate',
    reviewBit: 1,
    label: { vi: 'Ngày sinh', en: 'Date of birth' },
    labelIn: { review: { vi: 'Ngày sinh', en: 'Birth date' } }
  },
  {
    column: 'gender',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'gender',
    value: 'gender',
    reviewBit: 2,
    label: { vi: 'Giới tính', en: 'Gender' }
  },
  {
    column: 'national_id',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'id',
    value: 'nonEmptyText',
    reviewBit: 3,
    label: { vi: 'Số CCCD/định danh', en: 'ID number' },
    labelIn: {
      import: { vi: 'Số CCCD/CMND/hộ chiếu', en: 'CCCD/CMND/passport number' },
      review: { vi: 'Số CCCD', en: 'ID number' },
      link: { vi: 'CCCD/CMND', en: 'ID' }
    }
  },
  {
    column: 'id_kind',
    sql: 'TEXT',
    kinds: ALL,
    mapped: false,
    normalizer: 'idKind',
    value: 'idKind',
    label: { vi: 'Loại giấy tờ', en: 'ID kind' }
  },
  {
    column: 'old_national_id',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'id',
    value: 'nonEmptyText',
    label: { vi: 'Số CMND cũ', en: 'Old CMND number' },
    labelIn: { link: { vi: 'CMND cũ', en: 'Old ID' } }
  },
  {
    column: 'phone',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'phone',
    value: 'phone',
    reviewBit: 4,
    label: { vi: 'Số điện thoại', en: 'Phone' },
    labelIn: { review: { vi: 'Điện thoại', en: 'Phone' }, link: { vi: 'SĐT', en: 'Phone' } }
  },
  {
    column: 'address',
    sql: 'TEXT',
    kinds: ALL,
    identity: true,
    normalizer: 'text',
    value: 'nonEmptyText',
    reviewBit: 5,
    label: { vi: 'Địa chỉ', en: 'Address' },
    labelIn: { import: { vi: 'Địa chỉ (nhiều cột được nối)', en: 'Address (several columns are joined)' } }
  },
  {
    column: 'province_code',
    sql: 'TEXT',
    kinds: ALL,
    normalizer: 'adminCode',
    value: 'provinceCode',
    label: { vi: 'Mã tỉnh', en: 'Province code' }
  },
  {
    column: 'district_code',
    sql: 'TEXT',
    kinds: ALL,
    normalizer: 'adminCode',
    value: 'districtCode',
    label: { vi: 'Mã huyện', en: 'District code' }
  },
  {
    column: 'ward_code',
    sql: 'TEXT',
    kinds: ALL,
    normalizer: 'adminCode',
    value: 'wardCode',
    label: { vi: 'Mã xã', en: 'Ward code' }
  },
  {
    column: 'vaccine',
    sql: 'TEXT',
    kinds: WITH_DOSES,
    dose: true,
    normalizer: 'vaccine',
    value: 'text',
    label: { vi: 'Vắc xin', en: 'Vaccine' },
    labelIn: { import: { vi: 'Loại vắc xin', en: 'Vaccine' } }
  },
  {
    column: 'lot',
    sql: 'TEXT',
    kinds: WITH_DOSES,
    dose: true,
    normalizer: 'text',
    value: 'text',
    label: { vi: 'Số lô', en: 'Lot' },
    labelIn: { batch: { vi: 'Số lô vắc xin', en: 'Vaccine lot' } }
  },
  {
    column: 'dose_number',
    sql: 'INTEGER',
    kinds: WITH_DOSES,
    dose: true,
    normalizer: 'doseNumber',
    value: 'doseNumber',
    label: { vi: 'Mũi số', en: 'Dose number' },
    labelIn: { import: { vi: 'Mũi', en: 'Dose' }, batch: { vi: 'Mũi tiêm số', en: 'Dose number' } }
  },
  {
    column: 'dose_date',
    sql: 'TEXT',
    kinds: WITH_DOSES,
    dose: true,
    normalizer: 'date',
    value: 'date',
    label: { vi: 'Ngày tiêm', en: 'Dose date' }
  },
  {
    column: 'site_name',
    sql: 'TEXT',
    kinds: WITH_DOSES,
    dose: true,
    normalizer: 'text',
    value: 'text',
    label: { vi: 'Điểm tiêm', en: 'Site' },
    labelIn: { import: { vi: 'Điểm tiêm', en: 'Vaccination site' } }
  },
  {
    column: 'complaint_id',
    sql: 'TEXT',
    kinds: COMPLAINT,
    normalizer: 'text',
    value: 'text',
    label: { vi: 'Mã khiếu nại', en: 'Complaint ID' }
  },
  {
    column: 'submitted_at',
    sql: 'TEXT',
    kinds: COMPLAINT,
    normalizer: 'dateTime',
    value: 'dateTime',
    label: { vi: 'Ngày gửi', en: 'Submitted' },
    labelIn: { import: { vi: 'Ngày gửi', en: 'Submitted on' } }
  },
  {
    column: 'complaint_type',
    sql: 'TEXT',
    kinds: COMPLAINT,
    normalizer: 'text',
    value: 'text',
    label: { vi: 'Loại khiếu nại', en: 'Complaint type' }
  },
  {
    column: 'description',
    sql: 'TEXT',
    kinds: COMPLAINT,
    normalizer: 'text',
    value: 'text',
    label: { vi: 'Nội dung', en: 'Description' }
  }
] as const satisfies readonly FieldSpec[]

/**
 * Columns of a file that hold half of a field: a name split in two, or the Vietnamese
 * form's "Ngày sinh | Nam | Nữ" columns, where the column the date is written in gives the
 * gender. They can be mapped, never stored.
 */
export const SPLIT_COLUMNS = [
  { name: 'family_name', partOf: 'full_name', label: { vi: 'Họ và đệm', en: 'Family and middle name' } },
  { name: 'given_name', partOf: 'full_name', label: { vi: 'Tên', en: 'Given name' } },
  { name: 'dob_male', partOf: 'dob', label: { vi: 'Ngày sinh (cột Nam)', en: 'Date of birth (male column)' } },
  { name: 'dob_female', partOf: 'dob', label: { vi: 'Ngày sinh (cột Nữ)', en: 'Date of birth (female column)' } }
] as const satisfies readonly { name: string; partOf: string; label: Label }[]
