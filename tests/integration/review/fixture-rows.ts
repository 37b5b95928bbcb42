/**
 * The input rows of the review fixture (fixture.ts), as import would have stored them:
 * a registry extract, two sites' rows and a complaint list. Every row exists for a reason
 * named next to it.
 */

export type Row = Partial<Record<string, string | number | null>>

export const SITE_A = 'Trạm Y tế xã Tân Lập'
export const SITE_B = 'Bệnh viện Đa khoa huyện Đan Phượng'

export const REGISTRY: Record<string, Row> = {
  R1: {
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: '001085012345',
    old_national_id: '012345678',
    address: 'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  R2: {
    full_name: 'Trần Thị Bích',
    dob: '1990-07-04',
    gender: 'F',
    national_id: '001190023456',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  R3: {
    full_name: 'Lê Văn Cường',
    dob: '1978-11-20',
    gender: 'M',
    national_id: '001078034567',
    address: 'Xã Đan Phượng, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09886'
  },
  R4: {
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'F',
    national_id: '001301045678',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // R4's namesake: same name and birth date, another commune. The review band exists for her.
  R5: {
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'F',
    national_id: '001301099999',
    address: 'Xã Hồng Hà, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09904'
  },
  R6: {
    full_name: 'Đỗ Minh Khoa',
    dob: '1969-02-28',
    gender: 'M',
    national_id: '001069056789',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  },
  R7: {
    full_name: 'Đỗ Minh Khôi',
    dob: '1969-02-28',
    gender: 'M',
    national_id: '001069056790',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  }
}

export const SITE: Record<string, Row & { site: 'A' | 'B'; person: string }> = {
  // P1: typed without diacritics at site A; the same man at site B with no ID.
  S1: {
    site: 'A',
    person: 'P1',
    full_name: 'Nguyen Van Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: '001085012345',
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-08-01',
    address: 'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  S2: {
    site: 'B',
    person: 'P1',
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: null,
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 2,
    dose_date: '2021-10-20',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // The same first dose entered twice at site B: a duplicate dose.
  S7: {
    site: 'B',
    person: 'P1',
    full_name: 'Nguyễn Văn Anh',
    dob: '1985-03-12',
    gender: 'M',
    national_id: null,
    phone: '0912345678',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-08-01',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P2: day and month swapped.
  S3: {
    site: 'A',
    person: 'P2',
    full_name: 'Trần Thị Bích',
    dob: '1990-04-07',
    gender: 'F',
    national_id: '001190023456',
    phone: '0987654321',
    vaccine: 'PFIZER',
    dose_number: 1,
    dose_date: '2021-09-15',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P3: two ID digits transposed, and his given name with a one-letter slip.
  S4: {
    site: 'B',
    person: 'P3',
    full_name: 'Lê Văn Cuờng',
    dob: '1978-11-20',
    gender: 'M',
    national_id: '001078034576',
    phone: '0977111222',
    vaccine: 'VEROCELL',
    dose_number: 1,
    dose_date: '2021-07-10',
    address: 'Xã Đan Phượng, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09886'
  },
  // P4: linked in the review band (a namesake exists), gender typed wrong.
  S5: {
    site: 'A',
    person: 'P4',
    full_name: 'Phạm Thị Dung',
    dob: '2001-05-09',
    gender: 'M',
    national_id: null,
    phone: '0966333444',
    vaccine: 'MODERNA',
    dose_number: 1,
    dose_date: '2021-11-02',
    address: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09895'
  },
  // P5: no link; two close candidates.
  S6: {
    site: 'B',
    person: 'P5',
    full_name: 'Đỗ Minh Khoa',
    dob: '1969-02-28',
    gender: 'M',
    national_id: null,
    phone: '0955666777',
    vaccine: 'ASTRAZENECA',
    dose_number: 1,
    dose_date: '2021-06-20',
    address: 'Xã Tân Hội, Huyện Đan Phượng, Thành phố Hà Nội',
    ward_code: '09898'
  }
}

/** Complaints are dated relative to now, in Vietnam time as the portal writes it, so deadlines mean something. */
export const hoursAgo = (h: number): string => new Date(Date.now() - (h - 7) * 3_600_000).toISOString().slice(0, 19)

export function complaints(): Record<string, Row> {
  return {
    // A true claim: a third dose given at site A is on no list.
    C1: {
      complaint_id: 'KN-0001',
      submitted_at: hoursAgo(30),
      complaint_type: 'missing_dose',
      full_name: 'Nguyen Van Anh',
      dob: '1985-03-12',
      national_id: '001085012345',
      phone: '0912345678',
      vaccine: 'PFIZER',
      dose_number: 3,
      dose_date: '2022-01-15',
      description: 'Tôi đã tiêm mũi 3 tại trạm y tế xã nhưng chưa thấy trên VNeID.'
    },
    // An overdue claim that the site rows contradict.
    C2: {
      complaint_id: 'KN-0002',
      submitted_at: hoursAgo(60),
      complaint_type: 'wrong_date',
      full_name: 'Trần Thị Bích',
      dob: '1990-07-04',
      national_id: '001190023456',
      phone: '0987654321',
      vaccine: 'PFIZER',
      dose_number: 1,
      dose_date: '2021-09-16',
      description: 'Ngày tiêm mũi 1 bị ghi sai.'
    }
  }
}
