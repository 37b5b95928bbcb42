/** The Vietnamese names of the canonical fields, as the batch file and reports show them. */
const FIELD_LABELS: Record<string, string> = {
  full_name: 'Họ và tên',
  dob: 'Ngày sinh',
  gender: 'Giới tính',
  national_id: 'Số CCCD/định danh',
  id_kind: 'Loại giấy tờ',
  old_national_id: 'Số CMND cũ',
  phone: 'Số điện thoại',
  address: 'Địa chỉ',
  province_code: 'Mã tỉnh',
  district_code: 'Mã huyện',
  ward_code: 'Mã xã',
  vaccine: 'Vắc xin',
  lot: 'Số lô vắc xin',
  dose_number: 'Mũi tiêm số',
  dose_date: 'Ngày tiêm',
  site_name: 'Điểm tiêm',
  dose: 'Mũi tiêm'
}

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field

/** Fields whose values are dates, written dd/mm/yyyy in the batch. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(['dob', 'dose_date', 'submitted_at'])
