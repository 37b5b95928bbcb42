import { describe, expect, it } from 'vitest'
import { FIELD_TABLE, SPLIT_COLUMNS } from '../../../main/core/records/schema.ts'
import {
  DOSE_FIELDS,
  IDENTITY_FIELDS,
  MAPPABLE_FIELDS,
  RECORD_FIELDS,
  REVIEW_FIELDS,
  fieldBit,
  fieldsOfKind,
  mappableFieldsOfKind
} from '../../../main/core/records/fields.ts'
import { HEADER_SYNONYMS } from '../../../main/core/records/header-synonyms.ts'
import { DATE_FIELDS, fieldLabel, fieldMessages, fieldNameEn } from '../../../main/core/records/labels.ts'
import { RECORD_SCHEMAS } from '../../../main/core/import/validate.ts'
import { selectList, type RowOf } from '../../../main/core/records/select-list.ts'

describe('the record schema table', () => {
  it('keeps the review bits of existing workspaces (review_rows.fields)', () => {
    expect(REVIEW_FIELDS).toEqual(['full_name', 'dob', 'gender', 'national_id', 'phone', 'address'])
    expect(REVIEW_FIELDS.map(fieldBit)).toEqual([1, 2, 4, 8, 16, 32])
    // diffs compare what records/compared-records.ts reads: the identity fields.
    expect(REVIEW_FIELDS.every((f) => (IDENTITY_FIELDS as readonly string[]).includes(f))).toBe(true)
    const bits = FIELD_TABLE.flatMap((f) => ('reviewBit' in f ? [f.reviewBit] : []))
    expect(new Set(bits).size).toBe(bits.length)
  })

  it('lists each column once, in the order of the records table', () => {
    expect(new Set(RECORD_FIELDS).size).toBe(RECORD_FIELDS.length)
    expect(RECORD_FIELDS.slice(0, 5)).toEqual(['full_name', 'dob', 'gender', 'national_id', 'id_kind'])
    expect(IDENTITY_FIELDS).toEqual(['full_name', 'dob', 'gender', 'national_id', 'old_national_id', 'phone', 'address'])
    expect(DOSE_FIELDS).toEqual(['vaccine', 'lot', 'dose_number', 'dose_date', 'site_name'])
  })

  it('derives what each kind of file fills and may map', () => {
    expect(fieldsOfKind('registry')).not.toContain('vaccine')
    expect(fieldsOfKind('site')).not.toContain('complaint_id')
    expect(fieldsOfKind('complaint')).toEqual(RECORD_FIELDS)
    expect(mappableFieldsOfKind('registry').slice(0, 6)).toEqual([
      'full_name',
      'family_name',
      'given_name',
      'dob',
      'dob_male',
      'dob_female'
    ])
    expect(MAPPABLE_FIELDS).not.toContain('id_kind')
    expect(Object.keys(HEADER_SYNONYMS).sort()).toEqual([...MAPPABLE_FIELDS].sort())
    expect(SPLIT_COLUMNS.every((s) => (RECORD_FIELDS as readonly string[]).includes(s.partOf))).toBe(true)
  })

  it('gives a kind that does not carry a field only null for it', () => {
    const registryRow = Object.fromEntries(RECORD_FIELDS.map((f) => [f, null]))
    expect(RECORD_SCHEMAS.registry.safeParse({ ...registryRow, full_name: 'An' }).success).toBe(true)
    expect(RECORD_SCHEMAS.registry.safeParse({ ...registryRow, vaccine: 'Pfizer' }).success).toBe(false)
    expect(RECORD_SCHEMAS.site.safeParse({ ...registryRow, vaccine: 'Pfizer', dose_number: 2 }).success).toBe(true)
    expect(RECORD_SCHEMAS.site.safeParse({ ...registryRow, dose_number: 11 }).success).toBe(false)
  })

  it('names fields in the batch file and in each place of the UI', () => {
    expect(fieldLabel('lot')).toBe('Số lô vắc xin')
    expect(fieldLabel('dose')).toBe('Mũi tiêm')
    expect(fieldLabel('unknown_key')).toBe('unknown_key')
    expect([...DATE_FIELDS].sort()).toEqual(['dob', 'dose_date', 'submitted_at'])
    expect(fieldMessages('review', 'vi')['review.field.national_id']).toBe('Số CCCD')
    expect(fieldMessages('link', 'en')['link.field.national_id']).toBe('ID')
    expect(fieldMessages('label', 'vi')['label.field.national_id']).toBe('Số CCCD/định danh')
    expect(Object.keys(fieldMessages('import', 'en'))).toHaveLength(MAPPABLE_FIELDS.length)
    expect((['full_name', 'dob', 'national_id', 'dose_date'] as const).map(fieldNameEn)).toEqual([
      'full name',
      'date of birth',
      'ID number',
      'dose date'
    ])
  })

  it("types a reader's row by the columns it selects, so an unselected one does not compile", () => {
    const columns = ['id', 'full_name', 'dose_number'] as const
    const row: RowOf<typeof columns> = { id: 1, full_name: null, dose_number: 2 }
    // @ts-expect-error dob is not selected
    expect(row.dob).toBeUndefined()
    expect(selectList(columns, 'r')).toBe('r.id, r.full_name, r.dose_number')
  })
})
