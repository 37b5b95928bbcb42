import type { MappableField } from './fields.ts'

/**
 * Header words clerks use, folded (no diacritics, lower case, single spaces). A header
 * matches when, without any "(…)" note, it folds to one of these exactly.
 */
export const SYNONYMS: Record<MappableField, string[]> = {
  full_name: [
    'ho va ten', 'ho ten', 'hoten', 'ho va ten nguoi duoc tiem', 'ho ten nguoi duoc tiem', 'ho va ten cong dan', 'ten cong dan',
    'nguoi duoc tiem', 'ho va ten doi tuong', 'ho ten doi tuong', 'ho va ten nguoi phan anh', 'ho ten nguoi phan anh',
    'full name', 'name', 'fullname', 'ten day du'
  ],
  family_name: ['ho va dem', 'ho dem', 'ho va ten dem', 'ho', 'ho va chu dem', 'family name', 'surname', 'last name'],
  given_name: ['ten', 'given name', 'first name', 'ten goi', 'given_name'],
  dob: [
    'ngay sinh', 'ns', 'nam sinh', 'ngay thang nam sinh', 'ngay thang sinh', 'ngay sinh nam sinh', 'ngay sinh hoac nam sinh',
    'sinh ngay', 'date of birth', 'dob', 'birth date', 'birthdate', 'date_of_birth'
  ],
  dob_male: [],
  dob_female: [],
  gender: ['gioi tinh', 'gioi', 'gt', 'phai', 'nam nu', 'sex', 'gender'],
  national_id: [
    'so cccd', 'cccd', 'so cccd cmnd', 'cccd cmnd', 'cmnd cccd', 'so cmnd cccd', 'so dinh danh', 'so dinh danh ca nhan',
    'ma dinh danh', 'ma so dinh danh', 'cmnd', 'so cmnd', 'so giay to tuy than', 'giay to tuy than', 'so cccd cmnd ho chieu',
    'cccd cmnd ho chieu', 'so cmnd cccd ho chieu', 'so ho chieu', 'ho chieu', 'so cccd ho chieu', 'national id', 'id number',
    'citizen id', 'so giay to', 'id'
  ],
  old_national_id: ['cmnd cu', 'so cmnd cu', 'so cmt cu', 'cmt cu', 'old id', 'old national id', 'so cmnd 9 so', 'so cmnd truoc day'],
  phone: [
    'sdt', 'so dien thoai', 'dien thoai', 'dt', 'so dt', 'dtdd', 'so dtdd', 'dien thoai di dong', 'so di dong', 'di dong',
    'dien thoai lien he', 'sdt lien he', 'so dien thoai lien he', 'phone', 'mobile', 'phone number', 'telephone'
  ],
  address: [
    'dia chi', 'dia chi thuong tru', 'dia chi cu tru', 'dia chi lien he', 'dia chi hien tai', 'noi o', 'noi o hien tai',
    'noi o hien nay', 'cho o hien nay', 'thuong tru', 'noi thuong tru', 'dia chi noi o', 'address',
    // Parts of an address split over columns; joined in column order.
    'so nha', 'so nha duong', 'duong', 'thon', 'thon xom', 'xom', 'ap', 'to', 'to dan pho', 'khu pho', 'thon to',
    'xa', 'phuong', 'xa phuong', 'phuong xa', 'xa phuong thi tran', 'huyen', 'quan', 'quan huyen', 'huyen quan',
    'huyen thi xa', 'quan huyen thi xa', 'tinh', 'tinh thanh pho', 'tinh tp', 'thanh pho', 'tinh thanh'
  ],
  province_code: ['ma tinh', 'ma tinh tp', 'province code'],
  district_code: ['ma huyen', 'ma quan huyen', 'district code'],
  ward_code: ['ma xa', 'ma xa phuong', 'ma phuong xa', 'ward code'],
  vaccine: [
    'loai vac xin', 'ten vac xin', 'vac xin', 'vacxin', 'loai vacxin', 'ten vacxin', 'loai vaccine', 'ten vaccine', 'vaccine',
    'vac xin da tiem', 'loai vac xin da tiem'
  ],
  lot: ['so lo', 'lo', 'lo vac xin', 'so lo vac xin', 'so lo vacxin', 'lot', 'lot number', 'batch', 'lo san xuat'],
  dose_number: ['mui', 'mui thu', 'mui tiem', 'mui tiem thu', 'mui so', 'so mui', 'lan tiem', 'lan tiem thu', 'dose', 'dose number'],
  dose_date: ['ngay tiem', 'ngay tiem chung', 'thoi gian tiem', 'ngay thang tiem', 'ngay tiem mui', 'dose date', 'vaccination date'],
  site_name: [
    'diem tiem', 'co so tiem', 'noi tiem', 'don vi tiem', 'ten co so tiem', 'co so tiem chung', 'ten diem tiem', 'dia diem tiem',
    'co so y te', 'site', 'site name'
  ],
  complaint_id: ['ma phan anh', 'ma khieu nai', 'so phieu', 'ma yeu cau', 'ma ho so', 'complaint id', 'ma so phan anh'],
  submitted_at: [
    'ngay gui', 'ngay phan anh', 'thoi gian gui', 'ngay tiep nhan', 'ngay khieu nai', 'thoi gian phan anh', 'ngay nhan',
    'submitted at', 'submitted'
  ],
  complaint_type: ['loai phan anh', 'loai khieu nai', 'loai yeu cau', 'van de', 'nhom van de', 'complaint type', 'type'],
  description: ['noi dung', 'noi dung phan anh', 'noi dung khieu nai', 'noi dung chi tiet', 'mo ta', 'chi tiet', 'description']
}

/** Headers that are known but carry nothing to import: they still show a row is the header. */
export const IGNORED_HEADERS = ['stt', 'tt', 'so thu tu', 'so tt', 'ghi chu', 'note', 'notes', 'rec id', 'rec_id', 'ky nhan', 'chu ky']

/** Fields each kind of file may carry; the others are not suggested. */
export const FIELDS_BY_KIND: Record<'site' | 'registry' | 'complaint', readonly MappableField[]> = {
  site: [
    'full_name', 'family_name', 'given_name', 'dob', 'dob_male', 'dob_female', 'gender', 'national_id', 'old_national_id', 'phone',
    'address', 'province_code', 'district_code', 'ward_code', 'vaccine', 'lot', 'dose_number', 'dose_date', 'site_name'
  ],
  registry: [
    'full_name', 'family_name', 'given_name', 'dob', 'dob_male', 'dob_female', 'gender', 'national_id', 'old_national_id', 'phone',
    'address', 'province_code', 'district_code', 'ward_code'
  ],
  complaint: [
    'full_name', 'family_name', 'given_name', 'dob', 'dob_male', 'dob_female', 'gender', 'national_id', 'old_national_id', 'phone',
    'address', 'province_code', 'district_code', 'ward_code', 'vaccine', 'lot', 'dose_number', 'dose_date', 'site_name',
    'complaint_id', 'submitted_at', 'complaint_type', 'description'
  ]
}
