import { prepare, type Prepared, type RecordRow } from '../../../main/core/link/prepare.ts'

let nextId = 1

/** A prepared record from the few fields a test cares about. */
export function prep(fields: Partial<Omit<RecordRow, 'id'>> & { id?: number } = {}): Prepared {
  const row: RecordRow = {
    id: fields.id ?? nextId++,
    import_id: 1,
    kind: 'site',
    full_name: null,
    dob: null,
    gender: null,
    national_id: null,
    old_national_id: null,
    phone: null,
    address: null,
    province_code: null,
    district_code: null,
    ward_code: null,
    vaccine: null,
    dose_number: null,
    dose_date: null,
    complaint_type: null,
    ...fields
  }
  return prepare(row)
}
