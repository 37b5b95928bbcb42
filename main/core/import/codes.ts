import type { BilingualMessage } from '../base/errors.ts'

/** Why a row was rejected: stored with the reject, shown to the clerk, sent back to the site. */
export const REJECT_REASONS = {
  MISSING_NAME: {
    vi: 'Thiếu họ và tên, cũng không có số giấy tờ: không biết dòng này là của ai.',
    en: 'No name and no ID number: there is no telling whose row this is.'
  },
  NAME_NOT_TEXT: {
    vi: 'Ô họ tên không phải là tên người (có chữ số, ký hiệu hoặc mã lỗi của Excel).',
    en: "The name cell is not a person's name (it holds digits, symbols or an Excel error code)."
  },
  INVALID_RECORD: {
    vi: 'Dòng không hợp lệ sau khi chuẩn hoá.',
    en: 'The row is not valid after normalization.'
  }
} as const satisfies Record<string, BilingualMessage>
export type RejectReason = keyof typeof REJECT_REASONS

/** Problems that do not block a row; kept on the row in warnings_json as { field, code }. */
export const WARNINGS: Record<string, BilingualMessage> = {
  NAME_FROM_TCVN3: {
    vi: 'Tên gõ bằng bảng mã TCVN3 (ABC), đã chuyển sang Unicode.',
    en: 'Text in the TCVN3 (ABC) encoding, converted to Unicode.'
  },
  NAME_FROM_VNI: { vi: 'Tên gõ bằng bảng mã VNI, đã chuyển sang Unicode.', en: 'Text in the VNI encoding, converted to Unicode.' },
  TEXT_FROM_TCVN3: {
    vi: 'Chữ gõ bằng bảng mã TCVN3 (ABC), đã chuyển sang Unicode.',
    en: 'Text in the TCVN3 (ABC) encoding, converted to Unicode.'
  },
  TEXT_FROM_VNI: { vi: 'Chữ gõ bằng bảng mã VNI, đã chuyển sang Unicode.', en: 'Text in the VNI encoding, converted to Unicode.' },
  NAME_MISSING: { vi: 'Thiếu họ tên; giữ dòng vì có số giấy tờ.', en: 'Name missing; row kept because it has an ID.' },
  DATE_INVALID: { vi: 'Ngày không hợp lệ, bỏ trống.', en: 'Not a valid date; left empty.' },
  DATE_OUT_OF_RANGE: {
    vi: 'Ngày nằm ngoài khoảng hợp lý (trước 1900 hoặc sau hôm nay).',
    en: 'Date out of range (before 1900 or in the future).'
  },
  DATE_YEAR_ONLY: { vi: 'Chỉ có năm, trường này cần ngày đầy đủ.', en: 'Only a year; this field needs a full date.' },
  DATE_AMBIGUOUS_DAY_MONTH: {
    vi: 'Không rõ ngày/tháng (cả hai cách đọc đều hợp lệ); đã đọc theo ngày trước.',
    en: 'Day and month could be either way round; read day first.'
  },
  DATE_MONTH_FIRST: { vi: 'Ngày viết theo kiểu tháng trước (Mỹ); đã đổi lại.', en: 'Date written month first (US style); swapped.' },
  DATE_YEAR_IN_DATE_CELL: {
    vi: 'Năm sinh gõ vào ô định dạng ngày (Excel hiện thành năm 1905); đã đọc là năm.',
    en: 'A birth year typed into a date-formatted cell (Excel shows 1905); read as the year.'
  },
  DATE_MONTH_DROPPED: { vi: 'Chỉ có tháng và năm; giữ lại năm.', en: 'Only month and year; kept the year.' },
  DATE_DAY_MONTH_UNKNOWN: {
    vi: 'Ngày và tháng ghi là 00 (không rõ); giữ lại năm.',
    en: 'Day and month written as 00 (unknown); kept the year.'
  },
  DATE_FROM_SERIAL: {
    vi: 'Ngày ghi bằng số ngày của Excel (như 44454, khi xuất CSV); đã đổi thành ngày.',
    en: "A date written as Excel's day number (such as 44454, from a CSV export); converted to the date."
  },
  GENDER_FROM_LEGACY: {
    vi: 'Giới tính gõ bằng bảng mã cũ (TCVN3/VNI); đã chuyển sang Unicode.',
    en: 'Gender in a legacy encoding (TCVN3/VNI); converted.'
  },
  NAME_INVISIBLE_REMOVED: {
    vi: 'Tên có ký tự ẩn (khoảng trắng độ rộng 0, ký tự đổi chiều chữ); đã bỏ.',
    en: 'The name held invisible characters (zero-width spaces, text-direction controls); removed.'
  },
  GENDER_UNKNOWN: { vi: 'Giới tính không đọc được.', en: 'Gender not recognised.' },
  ID_INVALID: { vi: 'Số giấy tờ không hợp lệ.', en: 'ID number not valid.' },
  ID_LEADING_ZERO_RESTORED: {
    vi: 'Số giấy tờ bị Excel mất số 0 ở đầu; đã thêm lại.',
    en: 'Excel dropped the ID’s leading zeros; restored.'
  },
  CCCD_PROVINCE_UNKNOWN: { vi: 'Mã tỉnh trong số CCCD không tồn tại.', en: 'The CCCD’s province code does not exist.' },
  CCCD_GENDER_MISMATCH: { vi: 'Số CCCD không khớp giới tính.', en: 'The CCCD does not match the gender.' },
  CCCD_CENTURY_MISMATCH: { vi: 'Số CCCD không khớp thế kỷ sinh.', en: 'The CCCD does not match the century of birth.' },
  CCCD_YEAR_MISMATCH: { vi: 'Số CCCD không khớp năm sinh.', en: 'The CCCD does not match the birth year.' },
  PHONE_INVALID: { vi: 'Số điện thoại không hợp lệ.', en: 'Phone number not valid.' },
  PHONE_OLD_PREFIX_CONVERTED: { vi: 'Số di động 11 số cũ, đã đổi sang 10 số.', en: 'Old 11-digit mobile number converted to 10 digits.' },
  VACCINE_UNKNOWN: { vi: 'Tên vắc xin không nhận ra; bỏ trống, không đoán.', en: 'Vaccine name not recognised; left empty, not guessed.' },
  DOSE_NUMBER_INVALID: { vi: 'Mũi tiêm không đọc được.', en: 'Dose number not recognised.' },
  ADDRESS_UNRESOLVED: { vi: 'Không xác định được tỉnh từ địa chỉ.', en: 'The province could not be found in the address.' },
  ADDRESS_PARTIAL: {
    vi: 'Chỉ xác định được một phần địa chỉ (thiếu huyện hoặc xã).',
    en: 'Address only partly resolved (district or ward missing).'
  },
  SITE_NO_DOSE: {
    vi: 'Dòng có người nhưng không có thông tin mũi tiêm; chỉ dùng để liên kết.',
    en: 'A person with no dose columns; useful for linkage only.'
  },
  COMPLAINT_NO_ID: { vi: 'Khiếu nại không có mã.', en: 'Complaint without an ID.' },
  CODE_INVALID: { vi: 'Mã đơn vị hành chính không tồn tại.', en: 'Administrative unit code does not exist.' }
}
