import { formatFullAddress } from './addresses.ts'
import { excelDate } from './days.ts'
import { fullName } from './names.ts'
import type { Person } from './types.ts'
import type { TableColumn } from './writers/table-writer.ts'

/** The population registry extract: clean, one row per resident, the CCCD as text. */
export const REGISTRY_COLUMNS: readonly TableColumn[] = [
  { header: 'Số CCCD', width: 16 },
  { header: 'CMND cũ', width: 12 },
  { header: 'Họ và tên', width: 26 },
  { header: 'Ngày sinh', width: 12, dateFormat: 'dd/mm/yyyy' },
  { header: 'Giới tính', width: 9 },
  { header: 'Địa chỉ thường trú', width: 60 }
]

export const REGISTRY_SHEET = 'Danh sách công dân'

export function registryCells(p: Person): (string | Date | null)[] {
  return [p.cccd, p.cmnd, fullName(p.name), excelDate(p.dob), p.gender === 'M' ? 'Nam' : 'Nữ', formatFullAddress(p.address)]
}
