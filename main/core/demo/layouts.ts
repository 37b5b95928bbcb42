/**
 * How each site lays out its spreadsheet. Real sites copy a Ministry template and then
 * drift: split name columns, a two-row header, local header words, the address over
 * several columns, a total line before the signatures. The import must cope with all of
 * them, so the demo varies them across sites and records each site's layout in
 * truth/site_files.csv.
 */
export type ColumnKey =
  | 'stt'
  | 'full_name'
  | 'family_name'
  | 'given_name'
  | 'dob'
  | 'gender'
  | 'national_id'
  | 'phone'
  | 'address'
  | 'address_line'
  | 'address_ward'
  | 'address_district'
  | 'address_province'
  | 'dose_number'
  | 'dose_date'
  | 'vaccine'
  | 'lot'
  | 'site_name'
  | 'priority_group'
  | 'note'

export interface LayoutColumn {
  key: ColumnKey
  header: string
  width: number
  /** Group header above this column, for two-row headers. */
  group?: string
}

export interface SiteLayout {
  id: 'standard' | 'split-name' | 'two-row-header' | 'local-words' | 'split-address'
  sheetName: string
  columns: readonly LayoutColumn[]
  /** Rows above the header: title lines, blank lines. */
  titleRows: number
  /** The header spans two rows: group headers over sub-headers. */
  twoRowHeader: boolean
  genderWords: readonly [male: string, female: string]
  /** "2" or "Mũi 2". */
  doseAsText: boolean
  /** Local addresses leave out the district and province the site is in. */
  localAddress: boolean
  dateFormat: string
  /** A "Tổng cộng" line between the data and the signature block. */
  totalRow: boolean
}

const col = (key: ColumnKey, header: string, width: number, group?: string): LayoutColumn =>
  group ? { key, header, width, group } : { key, header, width }

const PERSON = 'Thông tin người được tiêm'
const DOSE = 'Thông tin mũi tiêm'

export const LAYOUTS: readonly SiteLayout[] = [
  {
    id: 'standard',
    sheetName: 'Danh sách',
    columns: [
      col('stt', 'STT', 6),
      col('full_name', 'Họ và tên', 26),
      col('dob', 'Ngày sinh', 12),
      col('gender', 'Giới tính', 9),
      col('national_id', 'Số CCCD/CMND', 16),
      col('phone', 'Số điện thoại', 14),
      col('address', 'Địa chỉ', 48),
      col('dose_number', 'Mũi tiêm', 8),
      col('dose_date', 'Ngày tiêm', 12),
      col('vaccine', 'Loại vắc xin', 16),
      col('lot', 'Số lô', 12),
      col('site_name', 'Điểm tiêm', 30)
    ],
    titleRows: 6,
    twoRowHeader: false,
    genderWords: ['Nam', 'Nữ'],
    doseAsText: false,
    localAddress: false,
    dateFormat: 'dd/mm/yyyy',
    totalRow: false
  },
  {
    id: 'split-name',
    sheetName: 'DS tiêm chủng',
    columns: [
      col('stt', 'STT', 6),
      col('family_name', 'Họ và đệm', 20),
      col('given_name', 'Tên', 10),
      col('dob', 'Ngày sinh', 12),
      col('gender', 'Giới tính', 9),
      col('national_id', 'Số CCCD/CMND', 16),
      col('phone', 'Số điện thoại', 14),
      col('address', 'Địa chỉ', 36),
      col('dose_number', 'Mũi tiêm', 8),
      col('dose_date', 'Ngày tiêm', 12),
      col('vaccine', 'Loại vắc xin', 16),
      col('lot', 'Số lô', 12)
    ],
    titleRows: 5,
    twoRowHeader: false,
    genderWords: ['nam', 'nữ'],
    doseAsText: false,
    localAddress: true,
    dateFormat: 'dd/mm/yyyy',
    totalRow: false
  },
  {
    id: 'two-row-header',
    sheetName: 'Sheet1',
    columns: [
      col('stt', 'STT', 6),
      col('full_name', 'Họ và tên', 26, PERSON),
      col('dob', 'Ngày sinh', 12, PERSON),
      col('gender', 'Giới tính', 9, PERSON),
      col('national_id', 'CCCD/CMND', 16, PERSON),
      col('phone', 'SĐT', 14, PERSON),
      col('address', 'Địa chỉ', 44, PERSON),
      col('dose_number', 'Mũi số', 8, DOSE),
      col('dose_date', 'Ngày tiêm', 12, DOSE),
      col('vaccine', 'Tên vắc xin', 16, DOSE),
      col('lot', 'Số lô', 12, DOSE),
      col('note', 'Ghi chú', 20)
    ],
    titleRows: 6,
    twoRowHeader: true,
    genderWords: ['Nam', 'Nữ'],
    doseAsText: false,
    localAddress: false,
    dateFormat: 'dd/mm/yyyy',
    totalRow: false
  },
  {
    id: 'local-words',
    sheetName: 'Tổng hợp',
    columns: [
      col('stt', 'TT', 5),
      col('full_name', 'Họ tên', 26),
      col('dob', 'NS', 12),
      col('gender', 'Giới', 7),
      col('national_id', 'CMND/CCCD', 16),
      col('phone', 'SĐT', 14),
      col('priority_group', 'Đối tượng', 12),
      col('address', 'Địa chỉ', 36),
      col('dose_number', 'Mũi', 8),
      col('vaccine', 'Vắc xin', 14),
      col('lot', 'Lô', 12),
      col('dose_date', 'Ngày tiêm', 12)
    ],
    titleRows: 7,
    twoRowHeader: false,
    genderWords: ['Nam', 'Nữ'],
    doseAsText: true,
    localAddress: true,
    dateFormat: 'd/m/yyyy',
    totalRow: true
  },
  {
    id: 'split-address',
    sheetName: 'Danh sach',
    columns: [
      col('stt', 'STT', 6),
      col('full_name', 'Họ và tên', 26),
      col('dob', 'Ngày sinh', 12),
      col('gender', 'Giới tính', 9),
      col('national_id', 'Số định danh cá nhân/CMND', 18),
      col('phone', 'Điện thoại', 14),
      col('address_line', 'Số nhà - Đường/Thôn/Tổ', 24),
      col('address_ward', 'Phường/Xã', 18),
      col('address_district', 'Quận/Huyện', 18),
      col('address_province', 'Tỉnh/Thành phố', 18),
      col('dose_number', 'Mũi tiêm', 8),
      col('dose_date', 'Ngày tiêm', 12),
      col('vaccine', 'Loại vắc xin', 16),
      col('lot', 'Số lô', 12),
      col('site_name', 'Điểm tiêm', 30)
    ],
    titleRows: 6,
    twoRowHeader: false,
    genderWords: ['NAM', 'NỮ'],
    doseAsText: false,
    localAddress: false,
    dateFormat: 'dd/mm/yyyy',
    totalRow: false
  }
]

/** Row numbers as Excel shows them. */
export function headerRows(l: SiteLayout): { first: number; last: number; firstData: number } {
  const first = l.titleRows + 1
  const last = l.twoRowHeader ? first + 1 : first
  return { first, last, firstData: last + 1 }
}

// Canonical import fields for the layout's columns (family_name/given_name are joined,
// the address parts joined in order); extra columns (STT, Đối tượng, Ghi chú) map to nothing.
const FIELD_OF: Partial<Record<ColumnKey, string>> = {
  full_name: 'full_name',
  family_name: 'family_name',
  given_name: 'given_name',
  dob: 'dob',
  gender: 'gender',
  national_id: 'national_id',
  phone: 'phone',
  address: 'address',
  address_line: 'address',
  address_ward: 'address',
  address_district: 'address',
  address_province: 'address',
  dose_number: 'dose_number',
  dose_date: 'dose_date',
  vaccine: 'vaccine',
  lot: 'lot',
  site_name: 'site_name'
}

/**
 * The column mapping in the CLI's `--map` syntax ("field=Header", several headers joined
 * with commas), separated by ';': what a clerk would confirm in the import wizard.
 */
export function layoutMapping(l: SiteLayout): string {
  const byField = new Map<string, string[]>()
  for (const c of l.columns) {
    const field = FIELD_OF[c.key]
    if (field) byField.set(field, [...(byField.get(field) ?? []), c.header])
  }
  return [...byField].map(([field, headers]) => `${field}=${headers.join(',')}`).join(';')
}
